// Expressions: +, -, * and unary - on bit<8> wrap around modulo 2^8.
#include "common.p4"
header h_t { bit<8> a; bit<8> b; bit<8> s; bit<8> d; bit<8> m; bit<8> n; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.s = hdr.h.a + hdr.h.b;
        hdr.h.d = hdr.h.a - hdr.h.b;
        hdr.h.m = hdr.h.a * hdr.h.b;
        hdr.h.n = -hdr.h.a;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
