// Tables: lpm on an IPv4-style destination; the longest prefix wins, /0 catches all.
#include "common.p4"
header ip_t { bit<32> src; bit<32> dst; bit<8> res; }
struct H { eth_t eth; ip_t ip; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.ip); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action route(bit<8> nh) { hdr.ip.res = nh; xout.output_action = xdp_action.XDP_TX; }
    action drop() { xout.output_action = xdp_action.XDP_DROP; }
    table routes {
        key = { hdr.ip.dst : lpm; }
        actions = { route; drop; }
        default_action = drop();
    }
    apply { routes.apply(); }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.ip); } }
xdp(P(), C(), D()) main;
