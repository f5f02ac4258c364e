// Tables: switch (t.apply().action_run) with a case per action, a shared case body for
// two actions (fall-through labels) and default.
#include "common.p4"
header h_t { bit<8> k; bit<8> v; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action a1() {}
    action a2() {}
    action a3() {}
    action a4() {}
    table t {
        key = { hdr.h.k : exact; }
        actions = { a1; a2; a3; a4; }
        default_action = a4();
    }
    apply {
        switch (t.apply().action_run) {
            a1: { hdr.h.v = 0x01; }
            a2:
            a3: { hdr.h.v = 0x23; }
            default: { hdr.h.v = 0xdd; }
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
