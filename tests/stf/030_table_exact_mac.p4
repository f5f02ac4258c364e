// Tables: exact match on a bit<48> key (the destination MAC); hit runs the entry's
// action with its parameter, miss runs the default action.
#include "common.p4"
struct H { eth_t eth; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set_src(bit<48> mac) { hdr.eth.src = mac; xout.output_action = xdp_action.XDP_TX; }
    action drop() { xout.output_action = xdp_action.XDP_DROP; }
    table macs {
        key = { hdr.eth.dst : exact; }
        actions = { set_src; drop; }
        default_action = drop();
    }
    apply { macs.apply(); }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); } }
xdp(P(), C(), D()) main;
