// Functions: in, out and inout parameters (copy-in/copy-out), a return value.
#include "common.p4"
header h_t { bit<8> a; bit<8> b; bit<8> c; bit<8> d; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
bit<8> sum_and_swap(in bit<8> x, inout bit<8> y, out bit<8> z) {
    z = y;          // old y
    y = x;
    return x + z;
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        bit<8> r = sum_and_swap(hdr.h.a, hdr.h.b, hdr.h.c);
        hdr.h.d = r;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
