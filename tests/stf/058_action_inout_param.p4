// Actions: directionful parameters (inout, out) in directly called actions, next to a
// directionless one.
#include "common.p4"
header h_t { bit<8> a; bit<8> b; bit<8> c; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action bump(inout bit<8> x, out bit<8> old, bit<8> by) {
        old = x;
        x = x + by;
    }
    apply {
        bump(hdr.h.a, hdr.h.c, 5);
        bump(hdr.h.b, hdr.h.b, 1);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
