// Expressions: &, |, ^ and ~ on bit<16> and on bit<5> fields (~ stays within the width).
#include "common.p4"
header h_t { bit<16> a; bit<16> b; bit<16> x_and; bit<16> x_or; bit<16> x_xor; bit<16> x_not;
             bit<5> p; bit<3> q; bit<5> np; bit<3> nq; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.x_and = hdr.h.a & hdr.h.b;
        hdr.h.x_or = hdr.h.a | hdr.h.b;
        hdr.h.x_xor = hdr.h.a ^ hdr.h.b;
        hdr.h.x_not = ~hdr.h.a;
        hdr.h.np = ~hdr.h.p;
        hdr.h.nq = ~hdr.h.q & 3w5;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
