// The ebpfFilter package runs on the XDP hook: accept -> XDP_PASS, otherwise XDP_DROP;
// its verdict stages are "accept" and "reject".
// RUN: %p4wb compile %s -o %t.o --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
#include <core.p4>
#include <ebpf_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header ip_t {
    bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len; bit<16> id;
    bit<3> flags; bit<13> frag; bit<8> ttl; bit<8> proto; bit<16> csum;
    bit<32> src; bit<32> dst;
}
struct hdrs_t { eth_t eth; ip_t ip; }

parser prs(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { 0x0800: ip; default: reject; }
    }
    state ip { pkt.extract(h.ip); transition accept; }
}

control filt(inout hdrs_t h, out bool accept) {
    action drop() { accept = false; }
    action allow() { accept = true; }
    table blocked {
        key = { h.ip.src : exact; }
        actions = { drop; allow; }
        default_action = allow();
    }
    apply {
        accept = false;
        if (h.ip.proto == 17) blocked.apply();
    }
}

ebpfFilter(prs(), filt()) main;

// SCHEMA: "arch": "ebpfFilter"
// SCHEMA: "name": "filt.blocked"
// SCHEMA: "kind": "verdict",
// SCHEMA-NEXT: "name": "accept",
// SCHEMA: "kind": "verdict",
// SCHEMA-NEXT: "name": "reject",
