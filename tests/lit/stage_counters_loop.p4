// Edge counters on a cyclic graph: a parser state that loops (the virtual exit -> entry
// edge makes every graph a circulation, loops included). The loop state's count comes
// from a slot like any other, and a packet through the loop or into the timeout reject
// shows the same stages as with one add per stage (test_runtime_stage_profile compares
// the counts themselves, per packet).
// RUN: %p4wb compile %s -o %t.o --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
// REQUIRES: root
// RUN: %p4wb run %s "aaaaaaaaaaaa bbbbbbbbbbbb 1234 03 010203" > %t.edges
// RUN: %p4wb run %s --stage-counters=all "aaaaaaaaaaaa bbbbbbbbbbbb 1234 03 010203" > %t.all
// RUN: diff %t.edges %t.all
// RUN: FileCheck %s --check-prefix=LOOP < %t.edges
// RUN: %p4wb run %s "aaaaaaaaaaaa bbbbbbbbbbbb 1234 ff 0102" > %t.edges2
// RUN: %p4wb run %s --stage-counters=all "aaaaaaaaaaaa bbbbbbbbbbbb 1234 ff 0102" > %t.all2
// RUN: diff %t.edges2 %t.all2
// RUN: FileCheck %s --check-prefix=SHORT < %t.edges2
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header n_t { bit<8> n; }
struct hdrs_t { eth_t eth; n_t n; }

parser p(packet_in pkt, out hdrs_t h) {
    bit<8> left;
    state start { pkt.extract(h.eth); pkt.extract(h.n); left = h.n.n; transition select(left) { 0: accept; default: skip; } }
    state skip { pkt.advance(8); left = left - 1; transition select(left) { 0: accept; default: skip; } }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply { xout.output_action = xdp_action.XDP_PASS; }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;

// SCHEMA: "placement": "edges"
// SCHEMA: "name": "p.skip",
// SCHEMA: "count": [
// SCHEMA-NEXT: [
// SCHEMA-NEXT: {{[0-9]+}},
// SCHEMA-NEXT: 1
// LOOP: stages: p.start p.skip c d XDP_PASS
// (stages are listed in id order)
// SHORT: stages: p.start p.reject.PacketTooShort p.skip p.reject XDP_DROP
