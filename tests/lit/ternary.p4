// Ternary keys make a scanned table: an ARRAY of 1 + 2 * size slots (control word, two
// halves) searched with bpf_loop, best priority first (docs/schema.md "Scanned tables").
// Const entries with masks and `_` get priorities from their order (first wins).
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
#include <core.p4>
#include <xdp_model.p4>

header ethernet_t { bit<48> dstAddr; bit<48> srcAddr; bit<16> etherType; }
header ipv4_t {
    bit<4> version; bit<4> ihl; bit<8> diffserv; bit<16> totalLen;
    bit<16> identification; bit<3> flags; bit<13> fragOffset;
    bit<8> ttl; bit<8> protocol; bit<16> hdrChecksum;
    bit<32> srcAddr; bit<32> dstAddr;
}
struct headers_t { ethernet_t ethernet; ipv4_t ipv4; }

parser prs(packet_in packet, out headers_t hdr) {
    state start {
        packet.extract(hdr.ethernet);
        transition select(hdr.ethernet.etherType) { 0x0800: parse_ipv4; default: accept; }
    }
    state parse_ipv4 { packet.extract(hdr.ipv4); transition accept; }
}

control ingress(inout headers_t hdr, in xdp_input xin, out xdp_output xout) {
    action drop() { xout.output_action = xdp_action.XDP_DROP; }
    action set_mac(bit<48> dmac) {
        hdr.ethernet.dstAddr = dmac;
        xout.output_action = xdp_action.XDP_TX;
    }
    action set_src(bit<48> smac) { hdr.ethernet.srcAddr = smac; }
    table acl {
        key = { hdr.ipv4.dstAddr : ternary; hdr.ipv4.protocol : ternary; }
        actions = { drop; set_mac; }
        default_action = drop();
        size = 1024;
    }
    table marks {
        key = { hdr.ipv4.srcAddr : ternary; }
        actions = { set_src; NoAction; }
        default_action = NoAction();
        const entries = {
            0x0a000001 &&& 0xffffffff : set_src(0x000000000001);
            0x0a000000 &&& 0xff000000 : set_src(0x000000000002);
            _ : set_src(0x000000000003);
        }
    }
    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.ipv4.isValid()) {
            marks.apply();
            acl.apply();
        }
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply { packet.emit(hdr.ethernet); packet.emit(hdr.ipv4); }
}

xdp(prs(), ingress(), dprs()) main;

// The scan: control word from element 0, bpf_loop (helper 181) over the callback.
// IR-LABEL: define {{.*}}i32 @p4wb_xdp(
// IR: call i64 inttoptr (i64 181 to ptr)(i32 %{{[0-9]+}}, ptr nonnull @ingress_acl_scan, ptr nonnull %scan.acl{{[0-9]*}}, i64 0)
// IR-LABEL: define internal i64 @ingress_acl_scan(i64 %0, ptr %1)
// IR: call {{.*}}ptr inttoptr (i64 1 to ptr)(ptr @ingress_acl, ptr

// SCHEMA: "map": "ingress_acl"
// SCHEMA-NEXT: "map_type": "array"
// SCHEMA-NEXT: "max_entries": 1024
// SCHEMA-NEXT: "key_size": 5
// SCHEMA-NEXT: "value_size": 10
// SCHEMA: "match": "ternary"
// SCHEMA: "scan": {
// SCHEMA-NEXT: "layout": "priority_array"
// SCHEMA-NEXT: "slots": 1024
// SCHEMA-NEXT: "map_entries": 2049
// SCHEMA-NEXT: "slot_size": 40
// SCHEMA: "key_offset": 24
// SCHEMA-NEXT: "mask_offset": 32
// SCHEMA-NEXT: "key_bytes": 8
// SCHEMA: "largest_priority_wins": true
// The const entries of marks: first wins, so it has the largest priority.
// SCHEMA: "const_entries": [
// SCHEMA: "10.0.0.1&&&0xffffffff"
// SCHEMA: "priority": 3
// SCHEMA: "10.0.0.0&&&0xff000000"
// SCHEMA: "priority": 2
// SCHEMA: "_"
// SCHEMA: "priority": 1
