// Range keys: lo/hi bounds (u64, host order) in each slot of the scanned table.
// `ports` says largest_priority_wins = false (the smallest priority wins); `services`
// has initial entries with explicit priorities, priority_delta and a range/mask mix.
// RUN: %p4wb compile %s -o %t.o --emit-schema %t.json
// RUN: FileCheck %s --check-prefix=SCHEMA < %t.json
#include <core.p4>
#include <xdp_model.p4>

// core.p4 declares exact, ternary and lpm; range comes from v1model/psa elsewhere.
match_kind { range }

header ethernet_t { bit<48> dstAddr; bit<48> srcAddr; bit<16> etherType; }
header ipv4_t {
    bit<4> version; bit<4> ihl; bit<8> diffserv; bit<16> totalLen;
    bit<16> identification; bit<3> flags; bit<13> fragOffset;
    bit<8> ttl; bit<8> protocol; bit<16> hdrChecksum;
    bit<32> srcAddr; bit<32> dstAddr;
}
header udp_t { bit<16> srcPort; bit<16> dstPort; bit<16> len; bit<16> csum; }
struct headers_t { ethernet_t ethernet; ipv4_t ipv4; udp_t udp; }

parser prs(packet_in packet, out headers_t hdr) {
    state start {
        packet.extract(hdr.ethernet);
        transition select(hdr.ethernet.etherType) { 0x0800: parse_ipv4; default: accept; }
    }
    state parse_ipv4 {
        packet.extract(hdr.ipv4);
        transition select(hdr.ipv4.protocol) { 17: parse_udp; default: accept; }
    }
    state parse_udp { packet.extract(hdr.udp); transition accept; }
}

control ingress(inout headers_t hdr, in xdp_input xin, out xdp_output xout) {
    action drop() { xout.output_action = xdp_action.XDP_DROP; }
    action set_mac(bit<48> dmac) {
        hdr.ethernet.dstAddr = dmac;
        xout.output_action = xdp_action.XDP_TX;
    }
    action set_src(bit<48> smac) { hdr.ethernet.srcAddr = smac; }
    table ports {
        key = { hdr.udp.dstPort : range; hdr.ipv4.protocol : exact; }
        actions = { drop; set_mac; }
        default_action = drop();
        largest_priority_wins = false;
        size = 4096;
    }
    table services {
        key = { hdr.udp.srcPort : range; hdr.ipv4.srcAddr : ternary; }
        actions = { set_src; NoAction; }
        default_action = NoAction();
        priority_delta = 10;
        entries = {
            priority = 100 : (1000 .. 1999, _) : set_src(0x000000000001);
            (1200 .. 1300, 0x0a000000 &&& 0xff000000) : set_src(0x000000000002);
            @priority(200) (1234, 0x0a000007 &&& 0xffffffff) : set_src(0x000000000003);
        }
    }
    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.udp.isValid()) {
            services.apply();
            ports.apply();
        }
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply { packet.emit(hdr.ethernet); packet.emit(hdr.ipv4); packet.emit(hdr.udp); }
}

xdp(prs(), ingress(), dprs()) main;

// SCHEMA: "name": "ingress.ports"
// SCHEMA: "map_type": "array"
// SCHEMA-NEXT: "max_entries": 4096
// SCHEMA: "match": "range"
// SCHEMA: "scan": {
// SCHEMA: "map_entries": 8193
// SCHEMA: "ranges": [
// SCHEMA-NEXT: {
// SCHEMA-NEXT: "key": 0
// SCHEMA: "largest_priority_wins": false
// Explicit priorities; the entry without one continues from the previous one by
// -priority_delta (the largest wins here).
// SCHEMA: "name": "ingress.services"
// SCHEMA: "1000..1999"
// SCHEMA: "priority": 100
// SCHEMA: "1200..1300"
// SCHEMA-NEXT: "10.0.0.0&&&0xff000000"
// SCHEMA: "priority": 90
// SCHEMA: "1234"
// SCHEMA: "priority": 200
// SCHEMA: "priority_delta": 10
