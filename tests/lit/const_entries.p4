// `const entries` are the whole table: matched in code (first match wins) and the entry
// map is never looked up, so the object behaves as written even before any control plane
// runs; the schema lists them and marks them const (the runtime refuses to change them).
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.ll
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
struct hdrs_t { eth_t eth; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    action set(xdp_action a) { xout.output_action = a; }
    action rewrite(bit<48> mac) { h.eth.src = mac; xout.output_action = xdp_action.XDP_TX; }
    table by_type {
        key = { h.eth.type : exact; h.eth.dst : exact; }
        actions = { set; rewrite; }
        const entries = {
            (0x0806, 0xffffffffffff) : set(xdp_action.XDP_DROP);
            (0x88cc, 0x0180c200000e) : rewrite(0x020000000001);
        }
        default_action = set(xdp_action.XDP_PASS);
    }
    apply { by_type.apply(); }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h.eth); } }

xdp(p(), c(), d()) main;

// SCHEMA: "name": "c.by_type",
// SCHEMA-NEXT: "map": "c_by_type",
// SCHEMA-NEXT: "map_type": "hash",
// SCHEMA: "entries_const": true,
// SCHEMA-NEXT: "const_entries": [
// SCHEMA-NEXT: {
// SCHEMA-NEXT: "keys": [
// SCHEMA-NEXT: "2054",
// SCHEMA-NEXT: "ff:ff:ff:ff:ff:ff"
// SCHEMA-NEXT: ],
// SCHEMA-NEXT: "action": "c.set",
// SCHEMA: "keys": [
// SCHEMA-NEXT: "35020",
// SCHEMA-NEXT: "01:80:c2:00:00:0e"
// SCHEMA-NEXT: ],
// SCHEMA-NEXT: "action": "c.rewrite",
// SCHEMA-NEXT: "args": [
// SCHEMA-NEXT: "02:00:00:00:00:01"

// IR: @c_by_type = dso_local global
// IR: @c_by_type_def = dso_local global
// IR: define {{.*}} @p4wb_xdp
// IR-NOT: {{nonnull}} @c_by_type,
// IR: {{nonnull}} @c_by_type_def,
// IR-NOT: {{nonnull}} @c_by_type,
