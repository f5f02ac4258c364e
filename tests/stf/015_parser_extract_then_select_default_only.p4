// Parser: a select with only a default case, and a header extracted in a state reached
// from both branches of an earlier select (a diamond).
#include "common.p4"
header h_t { bit<8> v; }
struct H { eth_t eth; h_t x; h_t y; h_t z; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) { 1: left; default: right; }
    }
    state left { pk.extract(hdr.x); transition join; }
    state right { pk.extract(hdr.y); transition join; }
    state join {
        pk.extract(hdr.z);
        transition select(hdr.z.v) { default: accept; }
    }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.z.v = hdr.x.isValid() ? 8w0x11 : 8w0x22;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.x); pk.emit(hdr.y); pk.emit(hdr.z); } }
xdp(P(), C(), D()) main;
