// Parser: local variables and assignments in states; the parser's results reach the
// control through a metadata-like header field it sets.
#include "common.p4"
header h_t { bit<8> a; bit<8> b; bit<8> sum; bit<8> count; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    bit<8> n = 0;
    state start {
        pk.extract(hdr.eth);
        n = n + 1;
        pk.extract(hdr.h);
        n = n + 1;
        bit<8> s = hdr.h.a + hdr.h.b;
        hdr.h.sum = s;
        hdr.h.count = n;
        transition accept;
    }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply { xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
