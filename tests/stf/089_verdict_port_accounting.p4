// Verdicts and the STF port rules: packets sent on different input ports are matched
// against each port's expectations in order.
#include "common.p4"
header h_t { bit<8> v; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.h.v == 0) { xout.output_action = xdp_action.XDP_DROP; }
        else { hdr.h.v = hdr.h.v - 1; xout.output_action = xdp_action.XDP_TX; }
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
