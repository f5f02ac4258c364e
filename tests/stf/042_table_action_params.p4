// Tables: actions with 0, 1, 2, 3 and 4 parameters of mixed widths share the value
// layout; each entry's parameters land in the right fields.
#include "common.p4"
header h_t { bit<8> k; bit<8> p1; bit<16> p2; bit<3> p3; bit<5> p4; bit<32> p5; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action a0() { hdr.h.p1 = 0xa0; }
    action a1(bit<8> x) { hdr.h.p1 = x; }
    action a2(bit<8> x, bit<16> y) { hdr.h.p1 = x; hdr.h.p2 = y; }
    action a3(bit<8> x, bit<16> y, bit<3> z) { hdr.h.p1 = x; hdr.h.p2 = y; hdr.h.p3 = z; }
    action a4(bit<5> w, bit<32> u, bit<16> y, bit<8> x) {
        hdr.h.p1 = x; hdr.h.p2 = y; hdr.h.p4 = w; hdr.h.p5 = u;
    }
    table t {
        key = { hdr.h.k : exact; }
        actions = { a0; a1; a2; a3; a4; }
        default_action = a0();
    }
    apply { t.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
