// Tables: apply().hit and apply().miss in conditions, with the table's actions doing
// nothing visible themselves.
#include "common.p4"
header h_t { bit<8> k; bit<8> hit; bit<8> miss; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action nop() {}
    table t1 { key = { hdr.h.k : exact; } actions = { nop; } default_action = nop(); }
    table t2 { key = { hdr.h.k : exact; } actions = { nop; } default_action = nop(); }
    apply {
        if (t1.apply().hit) { hdr.h.hit = 1; } else { hdr.h.hit = 0; }
        if (t2.apply().miss) { hdr.h.miss = 1; }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
