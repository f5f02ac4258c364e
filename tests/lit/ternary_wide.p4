// A scanned table whose key spans two 8-byte words (src, dst, protocol, ttl = 10 bytes):
// every word of the key and mask takes part in the match.
// REQUIRES: root
// RUN: %p4wb stf %s %S/Inputs/ternary_wide.stf | FileCheck %s
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
    table flows {
        key = {
            hdr.ipv4.srcAddr : ternary;
            hdr.ipv4.dstAddr : ternary;
            hdr.ipv4.protocol : ternary;
            hdr.ipv4.ttl : exact;
        }
        actions = { drop; set_mac; }
        default_action = drop();
    }
    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.ipv4.isValid()) flows.apply();
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply { packet.emit(hdr.ethernet); packet.emit(hdr.ipv4); }
}

xdp(prs(), ingress(), dprs()) main;

// CHECK: 4 passed, 0 failed
