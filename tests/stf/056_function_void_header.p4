// Functions: a void function taking a whole header inout and a struct in; the header
// comes back modified.
#include "common.p4"
header h_t { bit<8> a; bit<8> b; }
struct params_t { bit<8> add; bit<8> xor; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
void tweak(inout h_t h, in params_t p) {
    h.a = h.a + p.add;
    h.b = h.b ^ p.xor;
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        params_t p;
        p.add = 3;
        p.xor = 0xff;
        tweak(hdr.h, p);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
