// FlowTable<K, V> (p4wb_externs.p4): per-flow state the data plane creates, a BPF
// LRU_HASH map <control>_<instance> with packed network-order key and value structs.
// lookup() fills `out` (zero on a miss) and says whether the key was there; update()
// inserts or replaces; remove() deletes.
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
struct flow_key_t { bit<32> src; bit<32> dst; bit<8> proto; }
struct flow_state_t { bit<32> packets; bit<16> last_len; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { 0x0800: ip; default: accept; }
    }
    state ip { pkt.extract(h.ip); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    FlowTable<flow_key_t, flow_state_t>(32w1024) flows;
    apply {
        xout.output_action = xdp_action.XDP_TX;
        if (!h.ip.isValid()) return;
        flow_key_t k;
        k.src = h.ip.src;
        k.dst = h.ip.dst;
        k.proto = h.ip.proto;
        flow_state_t st;
        if (flows.lookup(k, st)) {
            st.packets = st.packets + 1;
        } else {
            st.packets = 1;
        }
        st.last_len = h.ip.len;
        flows.update(k, st);
        h.ip.id = st.packets[15:0];
        // ttl 1 ends the flow: the next packet starts over at 1.
        if (h.ip.ttl == 1) flows.remove(k);
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h.eth); pkt.emit(h.ip); } }

xdp(p(), c(), d()) main;

// lookup, update (BPF_ANY), delete
// IR-DAG: @c_flows = dso_local global {{.*}} section ".maps"
// IR-DAG: !DICompositeType(tag: DW_TAG_structure_type, name: "c_flows_key", {{.*}}size: 72
// IR-DAG: !DICompositeType(tag: DW_TAG_structure_type, name: "c_flows_value", {{.*}}size: 48
// IR-DAG: call i64 inttoptr (i64 2 to ptr)(ptr @c_flows, ptr {{.*}}, ptr {{.*}}, i64 0)
// IR-DAG: call i64 inttoptr (i64 3 to ptr)(ptr @c_flows,

// SCHEMA: "kind": "flow_table",
// SCHEMA-NEXT: "name": "c.flows",
// SCHEMA-NEXT: "map": "c_flows",
// SCHEMA-NEXT: "map_type": "lru_hash",
// SCHEMA-NEXT: "max_entries": 1024,
// SCHEMA-NEXT: "key_size": 9,
// SCHEMA-NEXT: "value_size": 6,
// SCHEMA-NEXT: "key_type": "struct 'flow_key_t'",
// SCHEMA: "key_fields": [
// SCHEMA: "name": "src",
// SCHEMA-NEXT: "bits": 32,
// SCHEMA-NEXT: "offset": 0,
// SCHEMA-NEXT: "bytes": 4,
// SCHEMA-NEXT: "byte_order": "network",
// SCHEMA-NEXT: "format": "ipv4"
// SCHEMA: "name": "proto",
// SCHEMA-NEXT: "bits": 8,
// SCHEMA-NEXT: "offset": 8,
// SCHEMA: "value_fields": [
// SCHEMA: "name": "last_len",
// SCHEMA-NEXT: "bits": 16,
// SCHEMA-NEXT: "offset": 4,
