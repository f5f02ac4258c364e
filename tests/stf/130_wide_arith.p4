// Expressions on fields wider than 64 bits: bit<128> addition with carries across the
// 64-bit halves, subtraction, xor, shifts by 64 and more, comparison; a bit<96> field at
// an odd byte offset.
#include "common.p4"
header h_t { bit<128> a; bit<128> b; bit<128> s; bit<128> d; bit<128> x; bit<128> sh; bit<8> lt; bit<96> w; bit<96> wi; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.s = hdr.h.a + hdr.h.b;
        hdr.h.d = hdr.h.a - hdr.h.b;
        hdr.h.x = hdr.h.a ^ hdr.h.b;
        hdr.h.sh = (hdr.h.a << 68) | (hdr.h.b >> 100);
        hdr.h.lt = hdr.h.a < hdr.h.b ? 8w1 : 8w0;
        hdr.h.wi = hdr.h.w + 1;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
