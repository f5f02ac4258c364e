// VXLAN encapsulation and decapsulation at the deparser: an IPv4 frame that is not
// VXLAN gets outer Ethernet/IPv4/UDP/VXLAN headers (50 bytes) pushed in front; a VXLAN
// frame (UDP 4789) loses eth/ip/udp/vxlan and leaves as its inner frame.
// RUN: %p4wb compile %s -o %t.o
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header ipv4_t {
    bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len; bit<16> id;
    bit<3> flags; bit<13> frag; bit<8> ttl; bit<8> proto; bit<16> csum;
    bit<32> src; bit<32> dst;
}
header udp_t { bit<16> sport; bit<16> dport; bit<16> len; bit<16> csum; }
header vxlan_t { bit<8> flags; bit<24> rsvd; bit<24> vni; bit<8> rsvd2; }
struct hdrs_t {
    eth_t outer_eth; ipv4_t outer_ip; udp_t outer_udp; vxlan_t vxlan;
    eth_t eth; ipv4_t ip;
}

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { 0x0800: ip; default: accept; }
    }
    state ip {
        pkt.extract(h.ip);
        transition select(h.ip.proto) { 17: udp; default: accept; }
    }
    state udp {
        pkt.extract(h.outer_udp);
        transition select(h.outer_udp.dport) { 4789: vxlan; default: accept; }
    }
    state vxlan { pkt.extract(h.vxlan); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        if (h.vxlan.isValid()) {
            // decap: drop eth/ip/udp/vxlan; the inner frame is the payload
            h.eth.setInvalid(); h.ip.setInvalid(); h.outer_udp.setInvalid(); h.vxlan.setInvalid();
        } else if (h.ip.isValid()) {
            h.outer_eth.setValid();
            h.outer_eth.dst = 0x020000000002; h.outer_eth.src = 0x020000000001;
            h.outer_eth.type = 0x0800;
            h.outer_ip.setValid();
            h.outer_ip.version = 4; h.outer_ip.ihl = 5; h.outer_ip.len = h.ip.len + 50;
            h.outer_ip.ttl = 64; h.outer_ip.proto = 17;
            h.outer_ip.src = 0x0a000001; h.outer_ip.dst = 0x0a000002;
            h.outer_udp.setValid();
            h.outer_udp.sport = 1234; h.outer_udp.dport = 4789; h.outer_udp.len = h.ip.len + 30;
            h.vxlan.setValid();
            h.vxlan.flags = 0x08; h.vxlan.vni = 42;
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}

control d(in hdrs_t h, packet_out pkt) {
    apply {
        pkt.emit(h.outer_eth); pkt.emit(h.outer_ip); pkt.emit(h.outer_udp); pkt.emit(h.vxlan);
        pkt.emit(h.eth); pkt.emit(h.ip);
    }
}

xdp(p(), c(), d()) main;
