// Tables: a default action with parameters (compiled in), replaced at run time by
// setdefault with other arguments and another action; entries are unaffected.
#include "common.p4"
header h_t { bit<8> k; bit<8> a; bit<16> b; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set2(bit<8> a, bit<16> b) { hdr.h.a = a; hdr.h.b = b; }
    action set_a(bit<8> a) { hdr.h.a = a; }
    table t {
        key = { hdr.h.k : exact; }
        actions = { set2; set_a; }
        default_action = set2(0xd1, 0xd1d1);
    }
    apply { t.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
