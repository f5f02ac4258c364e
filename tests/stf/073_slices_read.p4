// Expressions: slices x[hi:lo] read from a bit<32> field at byte, nibble and odd bit
// positions.
#include "common.p4"
header h_t { bit<32> x; bit<8> lo8; bit<8> b1; bit<4> top; bit<4> mid3; bit<8> s1; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.lo8 = hdr.h.x[7:0];
        hdr.h.b1 = hdr.h.x[15:8];
        hdr.h.top = hdr.h.x[31:28];
        hdr.h.mid3 = (bit<4>)hdr.h.x[19:17];
        hdr.h.s1 = (bit<8>)hdr.h.x[22:22] + (bit<8>)hdr.h.x[12:5];
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
