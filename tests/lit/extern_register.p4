// Register<T, I> (p4wb_externs.p4): a BPF ARRAY map <control>_<instance>, u32 index ->
// T packed in network byte order, read/written in place; an index past the size reads 0
// and writes nothing. The STF run shows a value written by one packet and read by the
// next one in the same run.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
// RUN: %llvm-readelf --sections %t.o | FileCheck %s --check-prefix=ELF
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
struct hdrs_t { eth_t eth; }
struct pair_t { bit<16> hits; bit<8> last; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    Register<bit<16>, bit<8>>(32w4) seen;
    Register<pair_t, bit<32>>(32w2) pairs;
    apply {
        bit<16> old = seen.read(h.eth.dst[7:0]);
        seen.write(h.eth.dst[7:0], old + 1);
        h.eth.type = old;
        pair_t pr = pairs.read(0);
        pairs.write(0, { pr.hits + 1, h.eth.src[7:0] });
        h.eth.src[15:0] = pr.hits;
        xout.output_action = xdp_action.XDP_TX;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h.eth); } }

xdp(p(), c(), d()) main;

// IR-DAG: @c_seen = dso_local global {{.*}} section ".maps"
// IR-DAG: @c_pairs = dso_local global {{.*}} section ".maps"
// IR: call {{.*}}inttoptr (i64 1 to ptr)(ptr nonnull @c_seen
// IR-DAG: !DICompositeType(tag: DW_TAG_structure_type, name: "c_pairs_value", {{.*}}size: 24
// IR-DAG: !DIDerivedType(tag: DW_TAG_member, name: "hits"

// SCHEMA: "externs": [
// SCHEMA-NEXT: {
// SCHEMA-NEXT: "kind": "register",
// SCHEMA-NEXT: "name": "c.seen",
// SCHEMA-NEXT: "map": "c_seen",
// SCHEMA-NEXT: "map_type": "array",
// SCHEMA-NEXT: "max_entries": 4,
// SCHEMA-NEXT: "key_size": 4,
// SCHEMA-NEXT: "value_size": 2,
// SCHEMA-NEXT: "key_type": "bit<8>",
// SCHEMA-NEXT: "value_type": "bit<16>",
// SCHEMA-NEXT: "key_fields": [
// SCHEMA-NEXT: {
// SCHEMA-NEXT: "name": "index",
// SCHEMA-NEXT: "bits": 32,
// SCHEMA-NEXT: "offset": 0,
// SCHEMA-NEXT: "bytes": 4,
// SCHEMA-NEXT: "byte_order": "host",
// SCHEMA: "value_fields": [
// SCHEMA-NEXT: {
// SCHEMA-NEXT: "name": "value",
// SCHEMA-NEXT: "bits": 16,
// SCHEMA-NEXT: "offset": 0,
// SCHEMA-NEXT: "bytes": 2,
// SCHEMA-NEXT: "byte_order": "network",
// SCHEMA: "name": "c.pairs",
// SCHEMA: "value_size": 3,
// SCHEMA: "name": "hits",
// SCHEMA: "name": "last",
// SCHEMA-NEXT: "bits": 8,
// SCHEMA-NEXT: "offset": 2,

// ELF: .maps
