// Kernel test program (cli_valueset.cpp): a parser value_set of EtherTypes (frames whose
// type is in the set get tag 0xee) and a VLAN pop (a tagged frame leaves without its tag:
// on tc this needs bpf_skb_vlan_pop, bpf_skb_adjust_room refuses non-IP skbs).
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header vlan_t { bit<16> tci; bit<16> type; }
header tag_t { bit<8> tag; }
struct H { eth_t eth; vlan_t vlan; tag_t t; }

parser P(packet_in pk, out H hdr) {
    value_set<bit<16>>(4) special;
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) { 0x8100: vlan; special: in_set; default: rest; }
    }
    state vlan { pk.extract(hdr.vlan); transition rest; }
    state in_set { pk.extract(hdr.t); hdr.t.tag = 0xee; transition accept; }
    state rest { pk.extract(hdr.t); transition accept; }
}

control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.vlan.isValid()) { hdr.eth.type = hdr.vlan.type; hdr.vlan.setInvalid(); }
        xout.output_action = xdp_action.XDP_PASS;
    }
}

control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.vlan); pk.emit(hdr.t); } }

xdp(P(), C(), D()) main;
