// Actions: the same action used from a table (parameters from the entry) and called
// directly (arguments in the call), with an inout-like effect on headers.
#include "common.p4"
header h_t { bit<8> k; bit<16> acc; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action add(bit<16> d) { hdr.h.acc = hdr.h.acc + d; }
    table t { key = { hdr.h.k : exact; } actions = { add; } default_action = add(0); }
    apply {
        add(0x0100);
        t.apply();
        add(0x1000);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
