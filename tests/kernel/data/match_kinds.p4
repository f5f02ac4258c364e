// match_kinds.cpp's program: one table per match kind, each writing its own header
// field, so one output frame shows which entry of every table won.
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
        transition select(hdr.ipv4.protocol) { 17: parse_udp; 6: parse_udp; default: accept; }
    }
    state parse_udp { packet.extract(hdr.udp); transition accept; }
}

control ingress(inout headers_t hdr, in xdp_input xin, out xdp_output xout) {
    action set_dmac(bit<48> dmac) { hdr.ethernet.dstAddr = dmac; }
    action set_smac(bit<48> smac) { hdr.ethernet.srcAddr = smac; }
    action set_ttl(bit<8> ttl) { hdr.ipv4.ttl = ttl; }
    action set_tos(bit<8> tos) { hdr.ipv4.diffserv = tos; }
    table exact_t { key = { hdr.ipv4.dstAddr : exact; } actions = { set_dmac; NoAction; } default_action = NoAction(); }
    table lpm_t { key = { hdr.ipv4.srcAddr : lpm; } actions = { set_smac; NoAction; } default_action = NoAction(); }
    table tern_t {
        key = { hdr.ipv4.dstAddr : ternary; hdr.ipv4.protocol : ternary; }
        actions = { set_ttl; NoAction; }
        default_action = NoAction();
    }
    table range_t {
        key = { hdr.udp.dstPort : range; hdr.ipv4.srcAddr : lpm; hdr.ipv4.protocol : exact; }
        actions = { set_tos; NoAction; }
        default_action = NoAction();
        size = 4;
    }
    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.ipv4.isValid()) {
            exact_t.apply();
            lpm_t.apply();
            tern_t.apply();
            if (hdr.udp.isValid()) range_t.apply();
        }
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply { packet.emit(hdr.ethernet); packet.emit(hdr.ipv4); packet.emit(hdr.udp); }
}

xdp(prs(), ingress(), dprs()) main;
