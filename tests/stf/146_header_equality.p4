// Expressions: == and != on whole headers (all fields and validity) and on structs.
#include "common.p4"
header h_t { bit<8> a; bit<16> b; }
header r_t { bit<8> eq_h; bit<8> ne_h; bit<8> eq_s; }
struct s_t { bit<8> a; bit<16> b; }
struct H { eth_t eth; h_t x; h_t y; r_t r; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.x); pk.extract(hdr.y); pk.extract(hdr.r); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.r.eq_h = hdr.x == hdr.y ? 8w1 : 8w0;
        hdr.r.ne_h = hdr.x != hdr.y ? 8w1 : 8w0;
        s_t s1; s1.a = hdr.x.a; s1.b = hdr.x.b;
        s_t s2; s2.a = hdr.y.a; s2.b = hdr.y.b;
        hdr.r.eq_s = s1 == s2 ? 8w1 : 8w0;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.x); pk.emit(hdr.y); pk.emit(hdr.r); } }
xdp(P(), C(), D()) main;
