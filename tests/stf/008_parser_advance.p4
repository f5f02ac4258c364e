// Parser: advance skips bytes; the skipped bytes stay in the output packet unchanged
// only when the deparser re-emits what came before. Here 2 bytes are skipped between
// eth and h: the deparser emits eth and h, so the skipped bytes disappear.
#include "common.p4"
header h_t { bit<16> v; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.advance(16);
        pk.extract(hdr.h);
        transition accept;
    }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply { hdr.h.v = hdr.h.v ^ 0xffff; xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
