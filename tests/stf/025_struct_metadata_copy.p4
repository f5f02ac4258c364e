// Structs: a nested metadata struct as a local, whole-struct copies and assignments of
// whole headers (header = header), with field access through two levels.
#include "common.p4"
header h_t { bit<8> a; bit<16> b; }
struct inner_t { bit<8> x; bit<16> y; }
struct meta_t { inner_t in1; inner_t in2; bit<8> z; }
struct H { eth_t eth; h_t h1; h_t h2; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h1); pk.extract(hdr.h2); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        meta_t m;
        m.in1.x = hdr.h1.a;
        m.in1.y = hdr.h1.b;
        m.in2 = m.in1;
        m.in2.x = m.in2.x + 1;
        m.z = m.in1.x;
        hdr.h1 = hdr.h2;
        hdr.h2.a = m.in2.x;
        hdr.h2.b = m.in2.y + (bit<16>)m.z;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h1); pk.emit(hdr.h2); } }
xdp(P(), C(), D()) main;
