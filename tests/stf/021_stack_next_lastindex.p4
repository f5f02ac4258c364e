// Header stacks: a counted loop with .next; the control reads .lastIndex (bit<32>, index
// of the last valid element) and .last, and the stack's compile-time .size.
#include "common.p4"
header cnt_t { bit<8> n; bit<8> last_index; bit<8> last_v; bit<8> size; }
header e_t { bit<8> v; }
struct H { eth_t eth; cnt_t c; e_t[4] s; }
parser P(packet_in pk, out H hdr) {
    bit<8> left = 0;
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.c);
        left = hdr.c.n;
        transition select(left) { 0: accept; default: more; }
    }
    state more {
        pk.extract(hdr.s.next);
        left = left - 1;
        transition select(left) { 0: accept; default: more; }
    }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.s[0].isValid()) {
            hdr.c.last_index = (bit<8>)hdr.s.lastIndex;
            hdr.c.last_v = hdr.s.last.v;
        }
        hdr.c.size = (bit<8>)hdr.s.size;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.c); pk.emit(hdr.s); } }
xdp(P(), C(), D()) main;
