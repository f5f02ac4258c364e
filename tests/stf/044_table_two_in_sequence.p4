// Tables: two tables applied in sequence; the second's key is what the first wrote.
#include "common.p4"
header h_t { bit<8> k; bit<8> mid; bit<8> v; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set_mid(bit<8> m) { hdr.h.mid = m; }
    action set_v(bit<8> v) { hdr.h.v = v; }
    table first { key = { hdr.h.k : exact; } actions = { set_mid; NoAction; } default_action = NoAction(); }
    table second { key = { hdr.h.mid : exact; } actions = { set_v; NoAction; } default_action = NoAction(); }
    apply { first.apply(); second.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
