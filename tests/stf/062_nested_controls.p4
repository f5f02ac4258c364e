// Control flow: a control instantiated and applied inside another (twice, with a
// constructor parameter), each instance with its own table.
#include "common.p4"
header h_t { bit<8> k; bit<8> a; bit<8> b; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control Inner(inout bit<8> field, in bit<8> k)(bit<8> bias) {
    action set(bit<8> v) { field = v + bias; }
    table t { key = { k : exact; } actions = { set; NoAction; } default_action = NoAction(); }
    apply { t.apply(); }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    Inner(0) first;
    Inner(0x80) second;
    apply {
        first.apply(hdr.h.a, hdr.h.k);
        second.apply(hdr.h.b, hdr.h.k);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
