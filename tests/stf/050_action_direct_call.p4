// Actions: called directly from apply (not through a table), with constant and
// expression arguments, and one action calling another.
#include "common.p4"
header h_t { bit<8> a; bit<8> b; bit<16> c; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set_a(bit<8> v) { hdr.h.a = v; }
    action set_both(bit<8> v, bit<16> w) { set_a(v + 1); hdr.h.c = w; }
    action tx() { xout.output_action = xdp_action.XDP_TX; }
    apply {
        set_both(hdr.h.b, hdr.h.c + 2);
        tx();
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
