// Expressions: * on bit<48> and bit<24> (non-native widths) wraps at the width;
// ++ of an int with a bit takes the left operand's signedness (int<12> here, then cast).
#include "common.p4"
header h_t { bit<48> a; bit<48> b; bit<48> m; bit<24> c; bit<24> cm; int<4> s; bit<8> u; bit<8> pad; bit<12> cat; bit<16> ext; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.m = hdr.h.a * hdr.h.b;
        hdr.h.cm = hdr.h.c * hdr.h.c;
        int<12> x = hdr.h.s ++ hdr.h.u;
        hdr.h.cat = (bit<12>)x;
        hdr.h.ext = (bit<16>)(int<16>)x;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
