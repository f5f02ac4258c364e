// Actions and controls: `return` leaves the action (or the apply block) early.
#include "common.p4"
header h_t { bit<8> k; bit<8> a; bit<8> b; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action act() {
        hdr.h.a = 1;
        if (hdr.h.k == 0) { return; }
        hdr.h.a = 2;
    }
    apply {
        xout.output_action = xdp_action.XDP_TX;
        act();
        if (hdr.h.k == 1) { return; }
        hdr.h.b = 0xbb;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
