// CounterArray instances become maps listed under "externs"; checksum externs are
// computed inline.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header ip_t {
    bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len; bit<16> id;
    bit<3> flags; bit<13> frag; bit<8> ttl; bit<8> proto; bit<16> csum;
    bit<32> src; bit<32> dst;
}
struct hdrs_t { eth_t eth; ip_t ip; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { 0x0800: ip; default: accept; }
    }
    state ip { pkt.extract(h.ip); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    CounterArray(32w256, false) proto_count;
    CounterArray(32w1024, true) src_count;
    apply {
        xout.output_action = xdp_action.XDP_PASS;
        if (h.ip.isValid()) {
            proto_count.increment((bit<32>)h.ip.proto);
            src_count.add(h.ip.src, 2);
            bit<16> old = h.ip.ttl ++ h.ip.proto;
            h.ip.ttl = h.ip.ttl - 1;
            h.ip.csum = csum_replace2(h.ip.csum, old, h.ip.ttl ++ h.ip.proto);
        }
    }
}

control d(in hdrs_t h, packet_out pkt) {
    apply { pkt.emit(h.eth); pkt.emit(h.ip); }
}

xdp(p(), c(), d()) main;

// IR-DAG: @c_proto_count = dso_local global {{.*}} section ".maps"
// IR-DAG: @c_src_count = dso_local global {{.*}} section ".maps"
// IR: atomicrmw add ptr
// IR: inttoptr (i64 2 to ptr)

// SCHEMA: "externs": [
// SCHEMA-NEXT: {
// SCHEMA-NEXT: "kind": "counter_array",
// SCHEMA-NEXT: "name": "c.proto_count",
// SCHEMA-NEXT: "map": "c_proto_count",
// SCHEMA-NEXT: "map_type": "array",
// SCHEMA-NEXT: "max_entries": 256,
// SCHEMA: "name": "c.src_count",
// SCHEMA-NEXT: "map": "c_src_count",
// SCHEMA-NEXT: "map_type": "hash",
