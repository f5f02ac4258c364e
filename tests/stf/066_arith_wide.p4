// Expressions: +, -, * on bit<16> and bit<32>, wrapping; a mixed expression with
// constants.
#include "common.p4"
header h_t { bit<32> a; bit<32> b; bit<32> s; bit<32> d; bit<32> m; bit<16> c; bit<16> e; bit<16> cm; bit<16> k; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.s = hdr.h.a + hdr.h.b;
        hdr.h.d = hdr.h.a - hdr.h.b;
        hdr.h.m = hdr.h.a * hdr.h.b;
        hdr.h.cm = hdr.h.c * hdr.h.e;
        hdr.h.k = (hdr.h.c + 3) * 5 - hdr.h.e;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
