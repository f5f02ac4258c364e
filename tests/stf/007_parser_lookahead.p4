// Parser: lookahead<bit<8>>() peeks at the next byte without consuming it and chooses
// between two header layouts.
#include "common.p4"
header short_t { bit<8> kind; bit<8> v; }
header long_t { bit<8> kind; bit<24> v; }
struct H { eth_t eth; short_t s; long_t l; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(pk.lookahead<bit<8>>()) {
            1: parse_short;
            2: parse_long;
            default: reject;
        }
    }
    state parse_short { pk.extract(hdr.s); transition accept; }
    state parse_long { pk.extract(hdr.l); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.s.isValid()) { hdr.s.v = hdr.s.v + 1; }
        if (hdr.l.isValid()) { hdr.l.v = hdr.l.v + 1; }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.s); pk.emit(hdr.l); } }
xdp(P(), C(), D()) main;
