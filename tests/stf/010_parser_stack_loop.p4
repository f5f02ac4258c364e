// Parser: a loop over a header stack with .next, ending at the bottom-of-stack bit
// (MPLS style); each label's ttl is decremented by the control through constant indices.
#include "common.p4"
header lbl_t { bit<20> label; bit<3> tc; bit<1> bos; bit<8> ttl; }
struct H { eth_t eth; lbl_t[4] l; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) { 0x8847: labels; default: accept; }
    }
    state labels {
        pk.extract(hdr.l.next);
        transition select(hdr.l.last.bos) { 1: accept; default: labels; }
    }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.l[0].isValid()) { hdr.l[0].ttl = hdr.l[0].ttl - 1; }
        if (hdr.l[1].isValid()) { hdr.l[1].ttl = hdr.l[1].ttl - 1; }
        if (hdr.l[2].isValid()) { hdr.l[2].ttl = hdr.l[2].ttl - 1; }
        if (hdr.l[3].isValid()) { hdr.l[3].ttl = hdr.l[3].ttl - 1; }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.l); } }
xdp(P(), C(), D()) main;
