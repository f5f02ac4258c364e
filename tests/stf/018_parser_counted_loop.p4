// Parser: a loop that is not over a stack: skip `n` one-byte fillers (advance in a
// self-transition with a counter), then extract the header after them.
#include "common.p4"
header n_t { bit<8> n; }
header h_t { bit<8> v; }
struct H { eth_t eth; n_t n; h_t h; }
parser P(packet_in pk, out H hdr) {
    bit<8> left;
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.n);
        left = hdr.n.n;
        transition select(left) { 0: last; default: skip; }
    }
    state skip {
        pk.advance(8);
        left = left - 1;
        transition select(left) { 0: last; default: skip; }
    }
    state last { pk.extract(hdr.h); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) { apply { hdr.h.v = hdr.h.v + 1; xout.output_action = xdp_action.XDP_TX; } }
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.n); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
