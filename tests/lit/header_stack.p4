// Header stacks: a parser loop extracts up to two VLAN tags through `.next`
// (a third one rejects), `.last` reads the innermost tag, constant indexes write.
// RUN: %p4wb compile %s -o %t.o --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header vlan_t { bit<3> pcp; bit<1> dei; bit<12> vid; bit<16> type; }
struct hdrs_t { eth_t eth; vlan_t[2] vlans; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { 0x8100: vlan; default: accept; }
    }
    state vlan {
        pkt.extract(h.vlans.next);
        transition select(h.vlans.last.type) { 0x8100: vlan; default: accept; }
    }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        if (h.vlans[1].isValid()) {
            h.vlans[1].vid = 12w100;
            xout.output_action = xdp_action.XDP_TX;
        } else if (h.vlans[0].isValid()) {
            h.vlans[0].pcp = 3w7;
            xout.output_action = xdp_action.XDP_TX;
        }
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;

// SCHEMA: "name": "p.vlan"
