// Expressions: saturating |+| and |-| on bit<8> and bit<16> clamp at 2^N-1 and 0.
#include "common.p4"
header h_t { bit<8> a; bit<8> b; bit<8> sa; bit<8> ss; bit<16> c; bit<16> d; bit<16> sc; bit<16> sd; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.sa = hdr.h.a |+| hdr.h.b;
        hdr.h.ss = hdr.h.a |-| hdr.h.b;
        hdr.h.sc = hdr.h.c |+| hdr.h.d;
        hdr.h.sd = hdr.h.c |-| hdr.h.d;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
