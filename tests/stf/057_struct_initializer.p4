// Expressions: struct and header initializers ({ ... } lists) assigned to locals and
// passed to a function.
#include "common.p4"
header h_t { bit<8> a; bit<8> b; }
struct pair_t { bit<8> x; bit<8> y; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
bit<8> sum(in pair_t p) { return p.x + p.y; }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        pair_t p = { hdr.h.a, 0x10 };
        hdr.h.b = sum(p);
        hdr.h.a = sum({ 1, 2 });
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
