// Control flow: control-local variables and constants, declared at control level and in
// apply, with block scoping.
#include "common.p4"
header h_t { bit<16> a; bit<16> b; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
const bit<16> K = 0x0100;
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    const bit<16> L = K + 2;
    bit<16> acc = 0;
    apply {
        acc = hdr.h.a + L;
        {
            bit<16> acc2 = acc + 1;
            hdr.h.b = acc2;
        }
        hdr.h.a = acc;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
