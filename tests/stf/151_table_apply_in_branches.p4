// Tables: one table applied from two branches of an if (each packet takes one), and a
// table applied inside a switch case of another's action_run.
#include "common.p4"
header h_t { bit<8> sel; bit<8> k; bit<8> res; bit<8> res2; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bit<8> v) { hdr.h.res = v; }
    action set2(bit<8> v) { hdr.h.res2 = v; }
    action nop() {}
    table t { key = { hdr.h.k : exact; } actions = { set; nop; } default_action = nop(); }
    table u { key = { hdr.h.res : exact; } actions = { set2; nop; } default_action = nop(); }
    apply {
        if (hdr.h.sel == 0) {
            t.apply();
        } else {
            hdr.h.k = hdr.h.k + 1;
            switch (t.apply().action_run) {
                set: { u.apply(); }
                default: {}
            }
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
