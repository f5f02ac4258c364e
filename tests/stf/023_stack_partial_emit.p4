// Header stacks: emitting a stack emits only its valid elements, in order; a stack that
// stays empty emits nothing.
#include "common.p4"
header e_t { bit<8> v; }
header cnt_t { bit<8> n; }
struct H { eth_t eth; cnt_t c; e_t[3] s; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.c);
        transition select(hdr.c.n) { 0: accept; 1: one; default: two; }
    }
    state one { pk.extract(hdr.s[0]); transition accept; }
    state two { pk.extract(hdr.s[0]); pk.extract(hdr.s[1]); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.s[0].isValid()) { hdr.s[0].v = hdr.s[0].v | 0x80; }
        if (hdr.s[1].isValid()) { hdr.s[1].v = hdr.s[1].v | 0x40; }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.c); pk.emit(hdr.s); } }
xdp(P(), C(), D()) main;
