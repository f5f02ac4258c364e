// Tables: range keys (lo..hi, both ends included) on a bit<16> port next to an exact
// protocol; priorities decide between overlapping ranges.
#include "common.p4"
// core.p4 has no range match kind (v1model/psa declare it); declare it here.
match_kind { range }
header h_t { bit<8> proto; bit<16> port; bit<8> res; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bit<8> v) { hdr.h.res = v; }
    table t {
        key = { hdr.h.proto : exact; hdr.h.port : range; }
        actions = { set; }
        default_action = set(0);
    }
    apply { t.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
