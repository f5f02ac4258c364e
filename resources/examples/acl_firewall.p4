/* acl_firewall.p4: a 5-tuple access control list (xdp architecture).
 *
 * `acl` matches IPv4 source and destination (ternary: value &&& mask), the protocol
 * (ternary) and the TCP/UDP source and destination ports (range lo..hi); among the
 * matching rules the one with the highest priority wins. `permit(rule)` passes the
 * packet to the Linux stack, `deny(rule)` drops it, and both count the packet in the
 * `hits` CounterArray at index `rule`; no matching rule denies (counted at index 0).
 * Non-IPv4 frames pass untouched; IPv4 without TCP/UDP is matched with ports 0.
 *
 *   p4wb load acl_firewall.p4 --dev veth0 --name fw
 *   p4wb table add fw acl 10.0.0.0&&&255.0.0.0 0.0.0.0&&&0 6&&&255 0..65535 22..22 permit 1 --priority 100
 *   p4wb counters fw
 */
#include <core.p4>
#include <xdp_model.p4>

/* core.p4 declares exact, ternary and lpm; range comes from v1model/psa elsewhere. */
match_kind { range }

typedef bit<32> ipv4_addr_t;

header ethernet_t {
    bit<48> dstAddr;
    bit<48> srcAddr;
    bit<16> etherType;
}

header ipv4_t {
    bit<4>      version;
    bit<4>      ihl;
    bit<8>      diffserv;
    bit<16>     totalLen;
    bit<16>     identification;
    bit<3>      flags;
    bit<13>     fragOffset;
    bit<8>      ttl;
    bit<8>      protocol;
    bit<16>     hdrChecksum;
    ipv4_addr_t srcAddr;
    ipv4_addr_t dstAddr;
}

/* The two port fields TCP and UDP share. */
header ports_t {
    bit<16> srcPort;
    bit<16> dstPort;
}

struct headers_t {
    ethernet_t ethernet;
    ipv4_t     ipv4;
    ports_t    ports;
}

parser prs(packet_in packet, out headers_t hdr) {
    state start {
        packet.extract(hdr.ethernet);
        transition select(hdr.ethernet.etherType) {
            0x0800: parse_ipv4;
            default: accept;
        }
    }

    state parse_ipv4 {
        packet.extract(hdr.ipv4);
        transition select(hdr.ipv4.ihl, hdr.ipv4.fragOffset, hdr.ipv4.protocol) {
            (5, 0, 6): parse_ports;
            (5, 0, 17): parse_ports;
            default: accept;
        }
    }

    state parse_ports {
        packet.extract(hdr.ports);
        transition accept;
    }
}

control ingress(inout headers_t hdr, in xdp_input xin, out xdp_output xout) {
    CounterArray(32w1024, false) hits;
    bit<16> sport = 0;
    bit<16> dport = 0;

    action permit(bit<32> rule) {
        hits.increment(rule);
        xout.output_action = xdp_action.XDP_PASS;
    }

    action deny(bit<32> rule) {
        hits.increment(rule);
        xout.output_action = xdp_action.XDP_DROP;
    }

    table acl {
        key = {
            hdr.ipv4.srcAddr  : ternary;
            hdr.ipv4.dstAddr  : ternary;
            hdr.ipv4.protocol : ternary;
            sport             : range;
            dport             : range;
        }
        actions = {
            permit;
            deny;
        }
        size = 1024;
        default_action = deny(0);
    }

    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.ipv4.isValid()) {
            if (hdr.ports.isValid()) {
                sport = hdr.ports.srcPort;
                dport = hdr.ports.dstPort;
            }
            acl.apply();
        }
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply {
        packet.emit(hdr.ethernet);
        packet.emit(hdr.ipv4);
        packet.emit(hdr.ports);
    }
}

xdp(prs(), ingress(), dprs()) main;
