// Expressions: << and >> on bit<16> by a run-time amount (including amounts >= the
// width, which give 0) and by constants; shifts of bit<8> wider than its width.
#include "common.p4"
header h_t { bit<16> a; bit<8> n; bit<16> l; bit<16> r; bit<16> l3; bit<16> r15; bit<8> b; bit<8> bl; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.l = hdr.h.a << hdr.h.n;
        hdr.h.r = hdr.h.a >> hdr.h.n;
        hdr.h.l3 = hdr.h.a << 3;
        hdr.h.r15 = hdr.h.a >> 15;
        hdr.h.bl = hdr.h.b << (hdr.h.n & 7);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
