// Packet writes: a 6-byte header of 2-, 3-, 5-, 6-, 9- and 23-bit fields; each field is
// set from the one after it (a rotation), exercising every unaligned write path.
#include "common.p4"
header h_t { bit<2> a; bit<3> b; bit<5> c; bit<6> d; bit<9> e; bit<23> f; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        h_t o = hdr.h;
        hdr.h.a = (bit<2>)o.b;
        hdr.h.b = (bit<3>)o.c;
        hdr.h.c = (bit<5>)o.d;
        hdr.h.d = (bit<6>)o.e;
        hdr.h.e = (bit<9>)o.f;
        hdr.h.f = (bit<23>)o.a;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
