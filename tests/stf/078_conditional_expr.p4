// Expressions: the conditional operator ?: (nested, and with side-effect-free operands
// of different fields).
#include "common.p4"
header h_t { bit<8> a; bit<8> b; bit<8> max; bit<8> sign3; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.max = hdr.h.a > hdr.h.b ? hdr.h.a : hdr.h.b;
        hdr.h.sign3 = hdr.h.a == hdr.h.b ? 8w0 : (hdr.h.a < hdr.h.b ? 8w0xff : 8w1);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
