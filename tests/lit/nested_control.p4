// A control instantiated twice inside another is inlined at each apply; each instance has
// its own table map, named by the instance path (c.first.t -> c_first_t), and its
// constructor argument becomes a constant of that copy.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll --emit-schema %t.json
// RUN: FileCheck %s < %t.ll
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
// CHECK-DAG: @c_first_t = {{.*}} section ".maps"
// CHECK-DAG: @c_second_t = {{.*}} section ".maps"
// SCHEMA-DAG: "name": "c.first.t"
// SCHEMA-DAG: "name": "c.second.t"
// SCHEMA-DAG: "name": "c.second.set"
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
struct hdrs_t { eth_t eth; }

parser p(packet_in pkt, out hdrs_t h) { state start { pkt.extract(h.eth); transition accept; } }

control inner(inout bit<16> v)(bit<16> bias) {
    action set(bit<16> x) { v = x + bias; }
    table t { key = { v : exact; } actions = { set; NoAction; } default_action = NoAction(); }
    apply { t.apply(); }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    inner(1) first;
    inner(2) second;
    apply { first.apply(h.eth.type); second.apply(h.eth.type); xout.output_action = xdp_action.XDP_PASS; }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;
