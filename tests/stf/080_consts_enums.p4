// Expressions: compile-time constants (const, constant expressions folded at compile
// time) and a plain enum held in a local and compared.
#include "common.p4"
header h_t { bit<8> op; bit<16> r; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
enum Op { Add, Sub, Keep }
const bit<16> BASE = 0x1000;
const bit<16> STEP = BASE >> 4;          // 0x0100
const bit<16> MIXED = (BASE | 0x0f) + STEP * 2;  // 0x120f
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        Op o = Op.Keep;
        if (hdr.h.op == 1) { o = Op.Add; } else if (hdr.h.op == 2) { o = Op.Sub; }
        if (o == Op.Add) { hdr.h.r = hdr.h.r + STEP; }
        else if (o == Op.Sub) { hdr.h.r = hdr.h.r - STEP; }
        else { hdr.h.r = MIXED; }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
