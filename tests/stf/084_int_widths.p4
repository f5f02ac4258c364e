// Expressions: int<16> and int<32>: wrap-around, signed comparison, arithmetic shift,
// and mixing with negative constants.
#include "common.p4"
header h_t { int<16> a; int<16> b; int<16> s; int<16> sr; int<32> c; int<32> cm; int<32> csr; bit<8> flags; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.s = hdr.h.a + hdr.h.b;
        hdr.h.sr = hdr.h.a >> 4;
        hdr.h.cm = hdr.h.c * -3;
        hdr.h.csr = hdr.h.c >> 31;
        hdr.h.flags = (hdr.h.a < hdr.h.b ? 8w0x80 : 8w0) | (hdr.h.c < -5 ? 8w0x40 : 8w0) | (hdr.h.a >= 0 ? 8w1 : 8w0);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
