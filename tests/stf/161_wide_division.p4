// Unsigned `/` and `%` at widths over 64 bits (bit<128>, bit<72>: a bit-by-bit loop) and at
// 32 bits; division by zero gives quotient 0 and remainder = the dividend (BPF's rule,
// P4 has no arithmetic exceptions).
#include "common.p4"
header h_t { bit<128> a; bit<128> b; bit<128> q; bit<128> r; bit<72> c; bit<72> d; bit<72> q72; bit<72> r72; bit<32> e; bit<32> f; bit<32> q32; bit<32> r32; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.q = hdr.h.a / hdr.h.b;
        hdr.h.r = hdr.h.a % hdr.h.b;
        hdr.h.q72 = hdr.h.c / hdr.h.d;
        hdr.h.r72 = hdr.h.c % hdr.h.d;
        hdr.h.q32 = hdr.h.e / hdr.h.f;
        hdr.h.r32 = hdr.h.e % hdr.h.f;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
