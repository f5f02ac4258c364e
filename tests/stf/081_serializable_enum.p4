// Expressions: a serializable enum (enum bit<8>) as a header field type, in a select,
// compared, assigned and cast to and from its underlying type.
#include "common.p4"
enum bit<8> Kind { Ping = 1, Pong = 2, Other = 0x10 }
header h_t { Kind k; bit<8> raw; bit<8> r; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.h);
        transition select(hdr.h.k) { Kind.Ping: ping; default: accept; }
    }
    state ping { hdr.h.r = 0x11; transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.h.k == Kind.Ping) { hdr.h.k = Kind.Pong; }
        else if (hdr.h.k == Kind.Pong) { hdr.h.k = (Kind)hdr.h.raw; }
        else { hdr.h.raw = (bit<8>)Kind.Other + (bit<8>)hdr.h.k; }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
