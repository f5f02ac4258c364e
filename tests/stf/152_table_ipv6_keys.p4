// Tables: bit<128> keys (IPv6 addresses): exact on the source, lpm on the destination,
// with a bit<128> action parameter written back.
#include "common.p4"
header ip6_t { bit<128> src; bit<128> dst; bit<8> res; }
struct H { eth_t eth; ip6_t ip; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.ip); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action rewrite(bit<128> addr) { hdr.ip.src = addr; }
    action route(bit<8> nh) { hdr.ip.res = nh; }
    action miss() { hdr.ip.res = 0xee; }
    table srcs { key = { hdr.ip.src : exact; } actions = { rewrite; NoAction; } default_action = NoAction(); }
    table routes { key = { hdr.ip.dst : lpm; } actions = { route; miss; } default_action = miss(); }
    apply { srcs.apply(); routes.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.ip); } }
xdp(P(), C(), D()) main;
