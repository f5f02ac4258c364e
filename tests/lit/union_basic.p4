// Header unions: the parser extracts one member, isValid() of the union is true when a
// member is, setValid() of the other member invalidates the first (a 4-byte v4 header
// becomes an 8-byte v6 one), emit writes the valid member.
// RUN: %p4wb compile %s -o %t.o
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header v4_t { bit<8> a; bit<8> b; bit<16> c; }
header v6_t { bit<16> x; bit<16> y; bit<32> z; }
header_union ip_u { v4_t v4; v6_t v6; }
struct hdrs_t { eth_t eth; ip_u ip; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        transition select(h.eth.type) { 0x0800: v4; 0x86dd: v6; default: accept; }
    }
    state v4 { pkt.extract(h.ip.v4); transition accept; }
    state v6 { pkt.extract(h.ip.v6); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        if (!h.ip.isValid()) { xout.output_action = xdp_action.XDP_DROP; return; }
        if (h.ip.v4.isValid()) {
            // turn the 4-byte v4 header into an 8-byte v6 one
            h.ip.v6.setValid();
            h.ip.v6.x = 0x6666; h.ip.v6.y = 0x7777; h.ip.v6.z = 0x12345678;
            h.eth.type = 0x86dd;
        } else {
            h.ip.v6.z = h.ip.v6.z + 1;
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h.eth); pkt.emit(h.ip); } }

xdp(p(), c(), d()) main;
