// Header stacks: push_front/pop_front and a run-time index. sel.op 1 pushes a new outer
// MPLS label 99, 2 pops the outer label, 3 decrements the ttl of mpls[sel.index] (an
// index out of range writes nothing).
// RUN: %p4wb compile %s -o %t.o
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header mpls_t { bit<20> label; bit<3> tc; bit<1> bos; bit<8> ttl; }
header sel_t { bit<8> op; bit<8> index; }
struct hdrs_t { eth_t eth; sel_t sel; mpls_t[3] mpls; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        pkt.extract(h.sel);
        transition select(h.eth.type) { 0x8847: mpls; default: accept; }
    }
    state mpls {
        pkt.extract(h.mpls.next);
        transition select(h.mpls.last.bos) { 0: mpls; default: accept; }
    }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        if (h.sel.op == 1) {
            h.mpls.push_front(1);
            h.mpls[0].setValid();
            h.mpls[0].label = 99; h.mpls[0].ttl = 64; h.mpls[0].bos = 0;
        } else if (h.sel.op == 2) {
            h.mpls.pop_front(1);
        } else if (h.sel.op == 3) {
            h.mpls[h.sel.index].ttl = h.mpls[h.sel.index].ttl - 1;
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;
