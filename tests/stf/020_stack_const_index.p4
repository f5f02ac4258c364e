// Header stacks: extract into constant indices, read and write elements by constant
// index, emit the whole stack.
#include "common.p4"
header e_t { bit<16> v; }
struct H { eth_t eth; e_t[3] s; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.s[0]);
        pk.extract(hdr.s[1]);
        pk.extract(hdr.s[2]);
        transition accept;
    }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        bit<16> t = hdr.s[0].v;
        hdr.s[0].v = hdr.s[2].v;
        hdr.s[2].v = t;
        hdr.s[1].v = hdr.s[0].v + hdr.s[2].v;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.s); } }
xdp(P(), C(), D()) main;
