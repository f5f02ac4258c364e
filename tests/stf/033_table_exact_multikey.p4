// Tables: exact match on three keys of odd widths (bit<3>, bit<12>, bit<48>); all three
// must match.
#include "common.p4"
header h_t { bit<3> a; bit<12> b; bit<1> pad; bit<8> res; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bit<8> v) { hdr.h.res = v; }
    table t {
        key = { hdr.h.a : exact; hdr.h.b : exact; hdr.eth.src : exact; }
        actions = { set; }
        default_action = set(0);
    }
    apply { t.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
