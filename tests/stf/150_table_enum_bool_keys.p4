// Tables: a key of a serializable enum type and an action with a bool parameter.
#include "common.p4"
enum bit<8> Kind { A = 1, B = 2 }
header h_t { Kind k; bit<8> res; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bool flag, bit<8> v) { hdr.h.res = flag ? v : ~v; }
    table t { key = { hdr.h.k : exact; } actions = { set; } default_action = set(false, 0x0f); }
    apply { t.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
