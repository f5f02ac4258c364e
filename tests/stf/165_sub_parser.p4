// Parser: a sub-parser instantiated in the parser and applied from a state (twice, from
// two states), with its own states, a select and a local; its accept continues the
// calling state, its reject rejects the packet. The packet cursor is shared.
#include "common.p4"
header a_t { bit<8> kind; bit<8> v; }
header b_t { bit<16> w; }
struct H { eth_t eth; a_t first; b_t fb; a_t second; b_t sb; }
parser Pair(packet_in pk, out a_t a, out b_t bb) {
    bit<8> seen;
    state start { pk.extract(a); seen = a.kind; transition select(seen) { 1: with_b; 2: accept; } }
    state with_b { pk.extract(bb); transition accept; }
}
parser P(packet_in pk, out H hdr) {
    Pair() pair;
    state start {
        pk.extract(hdr.eth);
        pair.apply(pk, hdr.first, hdr.fb);
        transition select(hdr.eth.type) { 0x1234: again; default: accept; }
    }
    state again { pair.apply(pk, hdr.second, hdr.sb); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.fb.isValid()) { hdr.first.v = hdr.first.v + 1; }
        if (hdr.sb.isValid()) { hdr.second.v = hdr.second.v + 2; }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) {
    apply { pk.emit(hdr.eth); pk.emit(hdr.first); pk.emit(hdr.fb); pk.emit(hdr.second); pk.emit(hdr.sb); }
}
xdp(P(), C(), D()) main;
