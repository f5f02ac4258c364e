// VLAN tag insert/remove at the deparser: an untagged frame gets tag 5 (pcp 3) in
// front of its etherType, a tagged frame loses its tag; the deparser emits eth, vlan, ip.
// The head is rebuilt after the deparser (bpf_xdp_adjust_head, helper 44) because
// setValid/setInvalid change which headers are emitted.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// IR: call i64 inttoptr (i64 44 to ptr)(ptr {{.*}}%ctx, i64 %{{.*}})
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header vlan_t { bit<3> pcp; bit<1> dei; bit<12> vid; bit<16> type; }
header ip_t { bit<8> vihl; bit<8> tos; bit<16> len; }
struct hdrs_t { eth_t eth; vlan_t vlan; ip_t ip; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { 0x8100: vlan; 0x0800: ip; default: accept; }
    }
    state vlan {
        pkt.extract(h.vlan);
        transition select(h.vlan.type) { 0x0800: ip; default: accept; }
    }
    state ip { pkt.extract(h.ip); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        if (h.vlan.isValid()) {
            h.eth.type = h.vlan.type;
            h.vlan.setInvalid();
        } else {
            h.vlan.setValid();
            h.vlan.pcp = 3;
            h.vlan.dei = 0;
            h.vlan.vid = 5;
            h.vlan.type = h.eth.type;
            h.eth.type = 0x8100;
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}

control d(in hdrs_t h, packet_out pkt) {
    apply { pkt.emit(h.eth); pkt.emit(h.vlan); pkt.emit(h.ip); }
}

xdp(p(), c(), d()) main;
