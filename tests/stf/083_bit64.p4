// Expressions: bit<64> addition, subtraction, multiplication, shifts and comparison.
#include "common.p4"
header h_t { bit<64> a; bit<64> b; bit<64> s; bit<64> d; bit<64> m; bit<64> sh; bit<8> lt; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.s = hdr.h.a + hdr.h.b;
        hdr.h.d = hdr.h.a - hdr.h.b;
        hdr.h.m = hdr.h.a * hdr.h.b;
        hdr.h.sh = (hdr.h.a << 36) | (hdr.h.b >> 60);
        hdr.h.lt = hdr.h.a < hdr.h.b ? 8w1 : 8w0;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
