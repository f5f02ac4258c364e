// Edge counters cancel in a marker-free diamond: an if/else whose branches count no stage
// needs no counter of its own (its chord's coefficient is zero in every stage), so this
// program needs 2 slots (packets, and short ones) however often it branches. With an
// action called in one branch (-D MARKED) that branch is a stage: one slot more.
// RUN: %p4wb compile %s -o %t.o --emit-schema %t.json --emit-llvm %t.ll
// RUN: FileCheck %s --check-prefix=PLAIN < %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: %p4wb compile %s -D MARKED -o %t2.o --emit-schema %t2.json
// RUN: FileCheck %s --check-prefix=MARKED < %t2.json
// RUN: %p4wb compile %s --stage-counters=all -o %t3.o --emit-schema %t3.json
// RUN: FileCheck %s --check-prefix=ALL < %t3.json
#include <core.p4>
#include <xdp_model.p4>
#include <p4wb_externs.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
struct hdrs_t { eth_t eth; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    Register<bit<16>, bit<32>>(32w4) a;
    FlowTable<bit<48>, bit<16>>(32w64) f;
    action mark() { h.eth.type = 1; }
    apply {
        if (h.eth.type == 0x0800) {
            a.write(0, h.eth.type);
        } else {
#ifdef MARKED
            mark();
#endif
            f.update(h.eth.src, h.eth.type);
        }
        xout.output_action = xdp_action.XDP_PASS;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h.eth); } }

xdp(p(), c(), d()) main;

// PLAIN: "stage_counters": {
// PLAIN: "count": 2,
// PLAIN: "placement": "edges"
// Both branches survive to the object: the diamond is real.
// IR: @c_a, ptr
// IR: @c_f, ptr
// MARKED: "stage_counters": {
// MARKED: "count": 3,
// ALL: "stage_counters": {
// ALL: "count": 10,
