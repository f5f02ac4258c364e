// Parser: a select on a field of a header extracted two states earlier, and a select on
// a concatenation-free tuple mixing a bit<4> and a bit<12> field with masks.
#include "common.p4"
header a_t { bit<4> ver; bit<12> id; }
header b_t { bit<8> tag; }
struct H { eth_t eth; a_t a; b_t b; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); transition get_a; }
    state get_a { pk.extract(hdr.a); transition get_b; }
    state get_b {
        pk.extract(hdr.b);
        transition select(hdr.a.ver, hdr.a.id) {
            (4, 0x000 &&& 0xf00): v4_low;
            (4, _): v4;
            (6, 0x123): v6;
            default: accept;
        }
    }
    state v4_low { hdr.b.tag = 0x40; transition accept; }
    state v4 { hdr.b.tag = 0x44; transition accept; }
    state v6 { hdr.b.tag = 0x66; transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) { apply { xout.output_action = xdp_action.XDP_TX; } }
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.a); pk.emit(hdr.b); } }
xdp(P(), C(), D()) main;
