// Tables: const default_action with a parameter; entries still work.
#include "common.p4"
header h_t { bit<8> k; bit<8> v; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bit<8> v) { hdr.h.v = v; }
    table t {
        key = { hdr.h.k : exact; }
        actions = { set; }
        const default_action = set(0x5a);
    }
    apply { t.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
