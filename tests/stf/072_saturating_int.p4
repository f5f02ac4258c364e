// Expressions: saturating |+| and |-| on int<8> clamp at 127 and -128.
#include "common.p4"
header h_t { int<8> a; int<8> b; int<8> sa; int<8> ss; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.sa = hdr.h.a |+| hdr.h.b;
        hdr.h.ss = hdr.h.a |-| hdr.h.b;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
