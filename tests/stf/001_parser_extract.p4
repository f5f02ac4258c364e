// Parser: extract of two fixed headers; the control swaps two fields and bumps one.
#include "common.p4"
header h_t { bit<8> a; bit<8> b; bit<16> c; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        bit<8> t = hdr.h.a;
        hdr.h.a = hdr.h.b;
        hdr.h.b = t;
        hdr.h.c = hdr.h.c + 1;
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
