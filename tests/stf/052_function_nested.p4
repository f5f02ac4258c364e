// Functions: nested calls (a function calling functions), early return from branches.
#include "common.p4"
header h_t { bit<16> x; bit<16> r; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
bit<16> dbl(in bit<16> v) { return v + v; }
bit<16> clamp(in bit<16> v, in bit<16> hi) {
    if (v > hi) { return hi; }
    return v;
}
bit<16> f(in bit<16> v) {
    if (v == 0) { return 0xffff; }
    return clamp(dbl(v) + 1, 0x1000);
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply { hdr.h.r = f(hdr.h.x); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
