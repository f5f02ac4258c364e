// Expressions: saturating |+| |-| on bit<32>, bit<64>, int<32> and int<64>: the
// overflow checks must work at the full register width.
#include "common.p4"
header h_t { bit<32> a; bit<32> b; bit<32> sa; bit<32> ss;
             bit<64> c; bit<64> d; bit<64> sc; bit<64> sd;
             int<32> e; int<32> f; int<32> se; int<32> sf;
             int<64> g; int<64> k; int<64> sg; int<64> sk; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.sa = hdr.h.a |+| hdr.h.b;
        hdr.h.ss = hdr.h.a |-| hdr.h.b;
        hdr.h.sc = hdr.h.c |+| hdr.h.d;
        hdr.h.sd = hdr.h.c |-| hdr.h.d;
        hdr.h.se = hdr.h.e |+| hdr.h.f;
        hdr.h.sf = hdr.h.e |-| hdr.h.f;
        hdr.h.sg = hdr.h.g |+| hdr.h.k;
        hdr.h.sk = hdr.h.g |-| hdr.h.k;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
