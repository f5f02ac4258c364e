// Tables: a ternary table with largest_priority_wins = false: the smallest priority
// number wins among matching entries; entries given with p4c's '*' digits.
#include "common.p4"
header h_t { bit<8> x; bit<8> res; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bit<8> v) { hdr.h.res = v; }
    table t {
        key = { hdr.h.x : ternary; }
        actions = { set; }
        default_action = set(0);
        largest_priority_wins = false;
    }
    apply { t.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
