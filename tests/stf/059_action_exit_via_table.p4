// Actions: exit inside an action run by a table (not a direct call) stops the control:
// statements after apply() are skipped, the deparser still runs.
#include "common.p4"
header h_t { bit<8> k; bit<8> a; bit<8> b; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action stop() { hdr.h.a = 0x5a; exit; }
    action go() { hdr.h.a = 0x60; }
    table t { key = { hdr.h.k : exact; } actions = { stop; go; } default_action = go(); }
    apply {
        xout.output_action = xdp_action.XDP_TX;
        t.apply();
        hdr.h.b = 0xbb;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
