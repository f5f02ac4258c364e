// Head rebuild skipped on a packet whose path touched no header (lower: head.dirty):
// type 1111 (a, b parsed, nothing changed) and other types (eth only) leave the head as
// it is; 3333 inserts b behind a (setValid), 4444 changes a field of a; both rebuild.
#include "common.p4"
header a_t { bit<8> kind; bit<8> v; }
header b_t { bit<16> w; }
struct H { eth_t eth; a_t a; b_t b; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) { 0x1111: pa; 0x3333: pa; 0x4444: pa; default: accept; }
    }
    state pa { pk.extract(hdr.a); transition select(hdr.eth.type) { 0x1111: pb; default: accept; } }
    state pb { pk.extract(hdr.b); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.eth.type == 0x3333) {
            hdr.b.setValid();
            hdr.b.w = 0xbeef;
        } else if (hdr.eth.type == 0x4444) {
            hdr.a.v = 7;
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) {
    apply { pk.emit(hdr.eth); pk.emit(hdr.a); pk.emit(hdr.b); }
}
xdp(P(), C(), D()) main;
