// Parser: a chain of states with direct transitions and an explicit transition to
// reject from a state reached through select.
#include "common.p4"
header h_t { bit<8> v; }
struct H { eth_t eth; h_t a; h_t b; h_t c; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); transition first; }
    state first { pk.extract(hdr.a); transition second; }
    state second {
        pk.extract(hdr.b);
        transition select(hdr.b.v) { 0: bad; 1: accept; default: third; }
    }
    state third { pk.extract(hdr.c); transition accept; }
    state bad { transition reject; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.a.v = hdr.a.v + 0x10;
        if (hdr.c.isValid()) { hdr.c.v = 0xcc; }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.a); pk.emit(hdr.b); pk.emit(hdr.c); } }
xdp(P(), C(), D()) main;
