// The deparser emits a before b, the parser extracts b before a (2222, 3333): an
// untouched packet of that path is still rebuilt (reordered), so the rebuild's skip on
// untouched packets (lower: rebuildSkippableWhenClean) must not apply.
#include "common.p4"
header a_t { bit<8> kind; bit<8> v; }
header b_t { bit<16> w; }
struct H { eth_t eth; a_t a; b_t b; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) { 0x1111: pa; 0x2222: pb; 0x3333: pb; default: accept; }
    }
    state pb { pk.extract(hdr.b); transition pa; }
    state pa { pk.extract(hdr.a); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.eth.type == 0x3333) { hdr.b.setInvalid(); }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) {
    apply { pk.emit(hdr.eth); pk.emit(hdr.a); pk.emit(hdr.b); }
}
xdp(P(), C(), D()) main;
