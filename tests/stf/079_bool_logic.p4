// Expressions: &&, ||, ! on bool values and comparisons; && and || short-circuit (the
// right side reads a header that is invalid when the left side decides).
#include "common.p4"
header h_t { bit<8> a; bit<8> b; bit<1> and_; bit<1> or_; bit<1> not_; bit<1> sc; bit<4> pad; }
header opt_t { bit<8> v; }
struct H { eth_t eth; h_t h; opt_t o; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.h);
        transition select(hdr.h.a) { 1: opt; default: accept; }
    }
    state opt { pk.extract(hdr.o); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        bool x = hdr.h.a != 0;
        bool y = hdr.h.b != 0;
        hdr.h.and_ = (bit<1>)(x && y);
        hdr.h.or_ = (bit<1>)(x || y);
        hdr.h.not_ = (bit<1>)!x;
        hdr.h.sc = (bit<1>)(hdr.o.isValid() && hdr.o.v == 0x77);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); pk.emit(hdr.o); } }
xdp(P(), C(), D()) main;
