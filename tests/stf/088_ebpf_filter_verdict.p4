// ebpfFilter: the `out bool` decides: true accepts (the packet goes on unchanged),
// false rejects (dropped); a parser reject also drops.
#include "common.p4"
header h_t { bit<8> v; }
struct H { eth_t eth; h_t h; }
parser prs(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) { 0x0800: h; default: reject; }
    }
    state h { pk.extract(hdr.h); transition accept; }
}
control filt(inout H hdr, out bool accept) {
    apply { accept = hdr.h.v[0:0] == 1; }
}
ebpfFilter(prs(), filt()) main;
