// Expressions: sign extension: int<8> -> int<16> keeps the value; bit<8> -> int<8>
// reinterprets; int<16> -> bit<16> keeps the bits; bit<8> -> bit<16> -> int<16> is zero
// extension.
#include "common.p4"
header h_t { bit<8> a; bit<16> sext; bit<32> sext32; bit<16> zext; bit<8> half; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        int<8> s = (int<8>)hdr.h.a;
        hdr.h.sext = (bit<16>)(int<16>)s;
        hdr.h.sext32 = (bit<32>)((int<32>)s * 3);
        hdr.h.zext = (bit<16>)(int<16>)(bit<16>)hdr.h.a;
        hdr.h.half = (bit<8>)(s >> 1);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
