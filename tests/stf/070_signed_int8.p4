// Expressions: int<8> arithmetic (two's complement wrap), signed comparisons and
// arithmetic shift right.
#include "common.p4"
header h_t { int<8> a; int<8> b; int<8> s; int<8> d; int<8> n; int<8> sr; bit<1> lt; bit<1> gt0; bit<1> le; bit<5> pad; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.s = hdr.h.a + hdr.h.b;
        hdr.h.d = hdr.h.a - hdr.h.b;
        hdr.h.n = -hdr.h.a;
        hdr.h.sr = hdr.h.a >> 2;
        hdr.h.lt = (bit<1>)(hdr.h.a < hdr.h.b);
        hdr.h.gt0 = (bit<1>)(hdr.h.a > 0);
        hdr.h.le = (bit<1>)(hdr.h.a <= -8);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
