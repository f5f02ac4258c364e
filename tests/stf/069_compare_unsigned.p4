// Expressions: ==, !=, <, <=, >, >= on bit<16> (unsigned), each result stored as one bit.
#include "common.p4"
header h_t { bit<16> a; bit<16> b; bit<1> eq; bit<1> ne; bit<1> lt; bit<1> le; bit<1> gt; bit<1> ge; bit<2> pad; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.eq = (bit<1>)(hdr.h.a == hdr.h.b);
        hdr.h.ne = (bit<1>)(hdr.h.a != hdr.h.b);
        hdr.h.lt = (bit<1>)(hdr.h.a < hdr.h.b);
        hdr.h.le = (bit<1>)(hdr.h.a <= hdr.h.b);
        hdr.h.gt = (bit<1>)(hdr.h.a > hdr.h.b);
        hdr.h.ge = (bit<1>)(hdr.h.a >= hdr.h.b);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
