// Parser: select with range cases (lo .. hi, both ends included) on a bit<8> and on a
// bit<12> field.
#include "common.p4"
header h_t { bit<8> v; bit<4> pad; bit<12> w; bit<8> tag; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.h);
        transition select(hdr.h.v) {
            0 .. 9: low;
            10 .. 99: mid;
            default: wide;
        }
    }
    state low { hdr.h.tag = 1; transition accept; }
    state mid { hdr.h.tag = 2; transition accept; }
    state wide {
        transition select(hdr.h.w) {
            0x100 .. 0x1ff: w1;
            default: accept;
        }
    }
    state w1 { hdr.h.tag = 3; transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply { xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
