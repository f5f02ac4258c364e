// Control flow: `exit` in an action stops the whole control (also the caller's
// statements after the call); the deparser still runs.
#include "common.p4"
header h_t { bit<8> k; bit<8> a; bit<8> b; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action stop_if_zero() {
        hdr.h.a = 0xaa;
        if (hdr.h.k == 0) { exit; }
    }
    table t { key = { hdr.h.k : exact; } actions = { stop_if_zero; NoAction; } default_action = NoAction(); }
    apply {
        xout.output_action = xdp_action.XDP_TX;
        stop_if_zero();
        hdr.h.b = 0xbb;
        if (hdr.h.k == 2) {
            hdr.h.a = 0x22;
            exit;
        }
        hdr.h.b = 0xcc;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
