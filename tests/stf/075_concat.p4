// Expressions: concatenation ++ of bit<4> and bit<12>, and of three fields into bit<32>.
#include "common.p4"
header h_t { bit<4> a; bit<4> pad; bit<8> b; bit<16> c; bit<16> ab; bit<32> abc; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.ab = hdr.h.a ++ hdr.h.c[11:0];
        hdr.h.abc = hdr.h.b ++ hdr.h.b ++ hdr.h.c;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
