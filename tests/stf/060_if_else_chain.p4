// Control flow: if / else if / else chains and nested ifs.
#include "common.p4"
header h_t { bit<8> x; bit<8> y; bit<8> r; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.h.x < 10) {
            if (hdr.h.y == 0) { hdr.h.r = 1; } else { hdr.h.r = 2; }
        } else if (hdr.h.x < 100) {
            hdr.h.r = 3;
        } else if (hdr.h.x == 200) {
            hdr.h.r = 4;
        } else {
            hdr.h.r = 5;
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
