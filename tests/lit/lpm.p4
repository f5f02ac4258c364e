// An lpm key makes the table an LPM_TRIE (BPF_F_NO_PREALLOC): key = u32 prefix length,
// then the exact fields, the lpm field last; the lookup uses the full length.
// RUN: %p4wb compile %s -o %t.o -O 0 --emit-llvm %t.ll --emit-schema %t.json
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
    table routes {
        key = { hdr.ipv4.dstAddr : lpm; hdr.ipv4.protocol : exact; }
        actions = { drop; set_mac; }
        default_action = drop();
    }
    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.ipv4.isValid()) routes.apply();
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply { packet.emit(hdr.ethernet); packet.emit(hdr.ipv4); }
}

xdp(prs(), ingress(), dprs()) main;

// The full prefix (5 key bytes after the length = 40 bits) is stored before the lookup.
// IR: store i32 40, ptr %key.routes, align 8
// IR-NEXT: call align 8 ptr inttoptr (i64 1 to ptr)(ptr @ingress_routes, ptr %key.routes)
// IR-DAG: !DIDerivedType(tag: DW_TAG_member, name: "prefixlen", {{.*}}size: 32
// IR-DAG: !DIDerivedType(tag: DW_TAG_member, name: "protocol"{{.*}}offset: 32
// IR-DAG: !DIDerivedType(tag: DW_TAG_member, name: "dstAddr"{{.*}}offset: 40
// IR-DAG: !DIDerivedType(tag: DW_TAG_member, name: "map_flags"

// Keys stay in declaration order; the offsets put the lpm field last.
// SCHEMA: "map": "ingress_routes"
// SCHEMA-NEXT: "map_type": "lpm_trie"
// SCHEMA-NEXT: "max_entries": 1024
// SCHEMA-NEXT: "key_size": 9
// SCHEMA: "name": "hdr.ipv4.dstAddr"
// SCHEMA-NEXT: "match": "lpm"
// SCHEMA-NEXT: "bits": 32
// SCHEMA-NEXT: "offset": 5
// SCHEMA: "name": "hdr.ipv4.protocol"
// SCHEMA-NEXT: "match": "exact"
// SCHEMA-NEXT: "bits": 8
// SCHEMA-NEXT: "offset": 4
