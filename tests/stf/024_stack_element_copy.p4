// Header stacks: whole-element assignment between stack elements and from a stack
// element to a separate header of the same type.
#include "common.p4"
header e_t { bit<8> a; bit<16> b; }
struct H { eth_t eth; e_t[2] s; e_t x; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); pk.extract(hdr.s[0]); pk.extract(hdr.s[1]); pk.extract(hdr.x); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.x = hdr.s[0];
        hdr.s[0] = hdr.s[1];
        hdr.s[1].b = hdr.s[1].b + 1;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.s); pk.emit(hdr.x); } }
xdp(P(), C(), D()) main;
