// Expressions: arithmetic on odd widths wraps at the field width: bit<3>, bit<12> and a
// bit<48> addition with a carry across the 32-bit boundary.
#include "common.p4"
header h_t { bit<3> a; bit<3> b; bit<2> pad; bit<3> s; bit<5> pad2; bit<12> x; bit<4> pad3; bit<12> xm; bit<4> pad4; bit<48> w; bit<48> ws; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.s = hdr.h.a + hdr.h.b;
        hdr.h.xm = hdr.h.x * 3 + 1;
        hdr.h.ws = hdr.h.w + 48w0x0000_0001_0000_0001;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
