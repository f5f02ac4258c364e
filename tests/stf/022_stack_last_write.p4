// Header stacks: writing through .last changes the last extracted element only.
#include "common.p4"
header e_t { bit<7> v; bit<1> end; }
struct H { eth_t eth; e_t[3] s; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); transition elems; }
    state elems {
        pk.extract(hdr.s.next);
        transition select(hdr.s.last.end) { 1: accept; default: elems; }
    }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.s.last.v = 0x7f;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.s); } }
xdp(P(), C(), D()) main;
