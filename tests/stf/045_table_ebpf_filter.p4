// ebpfFilter: a filter table in the p4c style (control pipe, out bool pass): entries
// decide accept/reject, the default rejects.
#include "common.p4"
header ip_t { bit<8> proto; bit<32> src; }
struct H { eth_t eth; ip_t ip; }
parser prs(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) { 0x0800: ip; default: reject; }
    }
    state ip { pk.extract(hdr.ip); transition accept; }
}
control pipe(inout H hdr, out bool pass) {
    action Reject(bit<8> rej) { pass = rej == 0; }
    action Accept() { pass = true; }
    table filter_tbl {
        key = { hdr.ip.src : exact; hdr.ip.proto : exact; }
        actions = { Reject; Accept; }
        default_action = Reject(1);
    }
    apply { pass = false; filter_tbl.apply(); }
}
ebpfFilter(prs(), pipe()) main;
