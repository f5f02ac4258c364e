// Expressions: * on a bit<80> field (wider than 64 bits, narrower than 128) wraps mod
// 2^80.
#include "common.p4"
header h_t { bit<80> c; bit<80> cm; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.cm = hdr.h.c * 80w0x1_0000_0001;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
