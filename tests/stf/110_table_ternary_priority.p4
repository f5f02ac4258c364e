// Tables: ternary keys with priorities: among matching entries the one with the best
// priority wins (largest number by default); masks given as v&&&m and as p4c's '*'
// digits.
#include "common.p4"
header h_t { bit<16> x; bit<8> y; bit<8> res; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bit<8> v) { hdr.h.res = v; }
    table t {
        key = { hdr.h.x : ternary; hdr.h.y : ternary; }
        actions = { set; }
        default_action = set(0xff);
    }
    apply { t.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
