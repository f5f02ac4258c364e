// Parser: select on one field picks one of two headers; default accepts with neither.
#include "common.p4"
header a_t { bit<8> x; }
header b_t { bit<16> y; }
struct H { eth_t eth; a_t a; b_t b; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) {
            0x0800: parse_a;
            0x86dd: parse_b;
            default: accept;
        }
    }
    state parse_a { pk.extract(hdr.a); transition accept; }
    state parse_b { pk.extract(hdr.b); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.a.isValid()) { hdr.a.x = 0xaa; }
        if (hdr.b.isValid()) { hdr.b.y = 0xbbbb; }
        if (!hdr.a.isValid() && !hdr.b.isValid()) { hdr.eth.dst = 0xffffffffffff; }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.a); pk.emit(hdr.b); } }
xdp(P(), C(), D()) main;
