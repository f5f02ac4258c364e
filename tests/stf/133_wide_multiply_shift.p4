// Expressions on fields wider than 64 bits: bit<128> * wraps mod 2^128, run-time shift
// amounts on bit<128> (0, 63, 64, 65, 127, 128+).
#include "common.p4"
header h_t { bit<128> a; bit<128> b; bit<128> m; bit<8> n; bit<128> l; bit<128> r; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.m = hdr.h.a * hdr.h.b;
        hdr.h.l = hdr.h.a << hdr.h.n;
        hdr.h.r = hdr.h.a >> hdr.h.n;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
