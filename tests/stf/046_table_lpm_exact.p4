// Tables: an exact key next to an lpm key (bit<16> exact + bit<32> lpm); the exact part
// must match, the longest prefix among those wins.
#include "common.p4"
header h_t { bit<16> vrf; bit<32> dst; bit<8> res; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action nh(bit<8> v) { hdr.h.res = v; }
    table routes {
        key = { hdr.h.vrf : exact; hdr.h.dst : lpm; }
        actions = { nh; }
        default_action = nh(0xff);
    }
    apply { routes.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
