// p4wb_hash (p4wb_externs.p4): 32-bit FNV-1a over the packed network-order bytes of a
// bit<32>, of a struct { bit<8>; bit<12> } (the 12-bit field takes 2 bytes) and of a
// struct { bit<8>; bit<32> } truncated to a bit<16> result. Both type arguments are
// given (the one-argument form p4wb_hash<O>(data) is pinned by tests/lit/extern_hash.p4).
#include "common.p4"
struct two_t { bit<8> a; bit<12> b; }
struct ax_t { bit<8> a; bit<32> x; }
header h_t { bit<32> x; bit<8> a; bit<4> pad; bit<12> b; bit<32> hx; bit<32> hs; bit<16> hl; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.hx = p4wb_hash<bit<32>, bit<32>>(hdr.h.x);
        two_t t;
        t.a = hdr.h.a;
        t.b = hdr.h.b;
        hdr.h.hs = p4wb_hash<bit<32>, two_t>(t);
        ax_t ax;
        ax.a = hdr.h.a;
        ax.x = hdr.h.x;
        hdr.h.hl = p4wb_hash<bit<16>, ax_t>(ax);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
