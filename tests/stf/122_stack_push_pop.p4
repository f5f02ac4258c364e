// Header stacks: push_front(1) shifts elements up and makes a new invalid element 0
// (set valid and filled here); pop_front(1) removes element 0.
#include "common.p4"
header lbl_t { bit<24> label; bit<8> ttl; }
header op_t { bit<8> op; }
struct H { eth_t eth; op_t op; lbl_t[3] l; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); pk.extract(hdr.op); pk.extract(hdr.l.next); pk.extract(hdr.l.next); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.op.op == 1) {
            hdr.l.push_front(1);
            hdr.l[0].setValid();
            hdr.l[0].label = 0xabcdef;
            hdr.l[0].ttl = 0x40;
        } else if (hdr.op.op == 2) {
            hdr.l.pop_front(1);
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.op); pk.emit(hdr.l); } }
xdp(P(), C(), D()) main;
