// Tables: exact match on a bit<12> VLAN id; the action writes a 12-bit parameter back.
#include "common.p4"
header vlan_t { bit<3> pcp; bit<1> dei; bit<12> vid; bit<16> type; }
struct H { eth_t eth; vlan_t vlan; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) { 0x8100: vlan; default: accept; }
    }
    state vlan { pk.extract(hdr.vlan); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action map_vid(bit<12> vid) { hdr.vlan.vid = vid; xout.output_action = xdp_action.XDP_TX; }
    action drop() { xout.output_action = xdp_action.XDP_DROP; }
    table vlans {
        key = { hdr.vlan.vid : exact; }
        actions = { map_vid; drop; }
        default_action = drop();
    }
    apply { if (hdr.vlan.isValid()) { vlans.apply(); } }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.vlan); } }
xdp(P(), C(), D()) main;
