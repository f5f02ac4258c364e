// CounterArray: increments inside table actions count hits per action; a miss counts
// in the default action.
#include "common.p4"
header h_t { bit<8> k; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    CounterArray(32w8, false) hits;
    action count(bit<32> slot) { hits.increment(slot); xout.output_action = xdp_action.XDP_TX; }
    action miss() { hits.increment(7); xout.output_action = xdp_action.XDP_DROP; }
    table t { key = { hdr.h.k : exact; } actions = { count; miss; } default_action = miss(); }
    apply { t.apply(); }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
