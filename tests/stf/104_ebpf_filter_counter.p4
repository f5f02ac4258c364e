// ebpfFilter with a CounterArray (p4c's count example style): count packets per IPv4
// source's last byte and accept everything IPv4.
#include "common.p4"
header ip_t { bit<32> src; }
struct H { eth_t eth; ip_t ip; }
parser prs(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); transition select(hdr.eth.type) { 0x0800: ip; default: reject; } }
    state ip { pk.extract(hdr.ip); transition accept; }
}
control pipe(inout H hdr, out bool pass) {
    CounterArray(32w256, false) counters;
    apply {
        counters.increment((bit<32>)hdr.ip.src[7:0]);
        pass = true;
    }
}
ebpfFilter(prs(), pipe()) main;
