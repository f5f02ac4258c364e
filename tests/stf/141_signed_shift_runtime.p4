// Expressions: >> on int<8>/int<32> by a run-time amount is arithmetic (fills with the
// sign bit, also for amounts >= the width); << on int wraps; slices of an int are bits.
#include "common.p4"
header h_t { int<8> a; bit<8> n; int<8> r; int<8> l; int<32> b; int<32> rb; bit<4> lo; bit<4> hi; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.r = hdr.h.a >> hdr.h.n;
        hdr.h.l = hdr.h.a << hdr.h.n;
        hdr.h.rb = hdr.h.b >> hdr.h.n;
        hdr.h.lo = hdr.h.a[3:0];
        hdr.h.hi = hdr.h.a[7:4];
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
