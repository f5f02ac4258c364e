// A parser value_set becomes a BPF hash map named <parser>_<set> (filled at run time by
// the control plane) that the select looks up with the value in network byte order.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll
// RUN: FileCheck %s < %t.ll
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
struct hdrs_t { eth_t eth; }

parser p(packet_in pkt, out hdrs_t h) {
    value_set<bit<16>>(8) tunnels;
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { tunnels: reject; default: accept; }
    }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply { xout.output_action = xdp_action.XDP_PASS; }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h.eth); } }

xdp(p(), c(), d()) main;

// CHECK: @p_tunnels = {{.*}} section ".maps"
// CHECK: call {{.*}} inttoptr (i64 1 to ptr)(ptr nonnull @p_tunnels,
// CHECK: !DIGlobalVariable(name: "p_tunnels"
