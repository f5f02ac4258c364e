// Expressions: assignments to slices change only the selected bits.
#include "common.p4"
header h_t { bit<16> x; bit<16> y; bit<8> v; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.x[11:4] = hdr.h.v;
        hdr.h.y[0:0] = 1;
        hdr.h.y[15:15] = 0;
        hdr.h.y[9:7] = 3w5;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
