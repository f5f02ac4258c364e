// Parser: select on a bit<48> field (a MAC address) and on a tuple whose parts add up to
// more than 64 bits.
#include "common.p4"
header h_t { bit<8> tag; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.h);
        transition select(hdr.eth.dst) {
            0xffffffffffff: bcast;
            0x0180c2000000 &&& 0xffffff000000: pair;
            default: accept;
        }
    }
    state bcast { hdr.h.tag = 0xbb; transition accept; }
    state pair {
        transition select(hdr.eth.dst, hdr.eth.src) {
            (0x0180c2000001, 0x0a0b0c0d0e0f): both;
            default: accept;
        }
    }
    state both { hdr.h.tag = 0x22; transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) { apply { xout.output_action = xdp_action.XDP_TX; } }
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
