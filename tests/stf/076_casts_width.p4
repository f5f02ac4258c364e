// Expressions: casts between widths (truncation keeps the low bits, widening fills 0),
// bool <-> bit<1>.
#include "common.p4"
header h_t { bit<16> a; bit<8> t8; bit<32> w32; bit<1> bit_of_bool; bit<1> flag; bit<6> pad; bit<8> from_bool; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.h.t8 = (bit<8>)hdr.h.a;
        hdr.h.w32 = (bit<32>)hdr.h.a << 8;
        hdr.h.bit_of_bool = (bit<1>)(hdr.h.a > 0x00ff);
        bool f = (bool)hdr.h.flag;
        hdr.h.from_bool = f ? 8w1 : 8w2;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
