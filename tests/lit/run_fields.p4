// Field writes go back to the packet in network byte order, including fields that
// share bytes (bit<3>/bit<13>, slices); csum_replace2 keeps the IPv4 checksum valid;
// P4 functions and inout action parameters copy values back.
// REQUIRES: root
// RUN: %p4wb run %s "aaaaaaaaaaaa bbbbbbbbbbbb 0800 45000014000140004011 7ad6 0a000001 0a000002" | FileCheck %s

#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header ip_t {
    bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len; bit<16> id;
    bit<3> flags; bit<13> frag; bit<8> ttl; bit<8> proto; bit<16> csum;
    bit<32> src; bit<32> dst;
}
struct hdrs_t { eth_t eth; ip_t ip; }

bit<8> minus(in bit<8> v, in bit<8> d) { return v - d; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { 0x0800: ip; default: accept; }
    }
    state ip { pkt.extract(h.ip); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    action bump(inout bit<16> v) { v = v + 0x0101; }
    apply {
        xout.output_action = xdp_action.XDP_TX;
        bit<16> old = h.ip.ttl ++ h.ip.proto;
        h.ip.ttl = minus(h.ip.ttl, 1);
        h.ip.csum = csum_replace2(h.ip.csum, old, h.ip.ttl ++ h.ip.proto);
        h.ip.flags = 3w5;
        h.ip.frag[3:0] = 4w0xf;
        bump(h.ip.id);
        h.eth.src = h.eth.dst;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;

// CHECK: verdict: XDP_TX (3)
// CHECK: aa aa aa aa aa aa aa aa aa aa aa aa 08 00 45 00
// CHECK-NEXT: 00 14 01 02 a0 0f 3f 11 7b d6 0a 00 00 01 0a 00
// CHECK-NEXT: 00 02
