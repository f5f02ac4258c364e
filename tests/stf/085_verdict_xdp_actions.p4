// Verdicts: a table picks XDP_PASS, XDP_DROP, XDP_TX, XDP_ABORTED per packet; the
// output port is irrelevant for those.
#include "common.p4"
header h_t { bit<8> k; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action pass() { xout.output_action = xdp_action.XDP_PASS; }
    action drop() { xout.output_action = xdp_action.XDP_DROP; }
    action tx() { xout.output_action = xdp_action.XDP_TX; }
    action abort() { xout.output_action = xdp_action.XDP_ABORTED; }
    table t { key = { hdr.h.k : exact; } actions = { pass; drop; tx; abort; } default_action = drop(); }
    apply { xout.output_port = 0; t.apply(); }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
