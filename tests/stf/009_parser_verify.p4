// Parser: verify(cond, error) rejects the packet when cond is false.
#include "common.p4"
header h_t { bit<4> version; bit<4> len; bit<8> v; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.h);
        verify(hdr.h.version == 4, error.ParserInvalidArgument);
        verify(hdr.h.len >= 2, error.HeaderTooShort);
        transition accept;
    }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply { hdr.h.v = 0x77; xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
