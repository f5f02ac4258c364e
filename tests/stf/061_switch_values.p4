// Control flow: switch on a bit<8> value with grouped labels (fall-through to the next
// body), a single label and default.
#include "common.p4"
header h_t { bit<8> x; bit<8> r; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        switch (hdr.h.x) {
            1:
            2:
            3: { hdr.h.r = 0x13; }
            8: { hdr.h.r = 0x08; }
            default: { hdr.h.r = 0xdd; }
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
