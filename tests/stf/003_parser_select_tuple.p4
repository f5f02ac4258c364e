// Parser: select on a tuple of two fields with exact values, a don't-care (_) and
// default; the state taken is recorded in the packet.
#include "common.p4"
header h_t { bit<8> a; bit<8> b; bit<8> tag; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.h);
        transition select(hdr.h.a, hdr.h.b) {
            (1, 2): s12;
            (1, _): s1x;
            (_, 7): sx7;
            default: accept;
        }
    }
    state s12 { hdr.h.tag = 0x12; transition accept; }
    state s1x { hdr.h.tag = 0x10; transition accept; }
    state sx7 { hdr.h.tag = 0x07; transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply { xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
