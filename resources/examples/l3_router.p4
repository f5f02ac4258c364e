/* l3_router.p4: an IPv4 router (xdp architecture).
 *
 * Longest-prefix match on the IPv4 destination in `ipv4_lpm` gives the next hop: its
 * MAC address, the MAC address of the outgoing port, and the port (an ifindex,
 * XDP_REDIRECT; port 0 sends the frame back out of the port it came in on, XDP_TX).
 * A routed packet has its TTL decremented and its header checksum updated
 * incrementally (csum_replace2, RFC 1624). Packets whose TTL would expire (TTL <= 1) are
 * dropped, as are packets with IP options or another IP version; non-IPv4 frames (ARP,
 * IPv6) go to the Linux stack (XDP_PASS). A miss drops.
 *
 *   p4wb load l3_router.p4 --dev veth0 --name rt
 *   p4wb table add rt ipv4_lpm 10.1.0.0/16 set_nhop 02:00:00:00:00:02 02:00:00:00:00:01 0
 *   p4wb table add rt ipv4_lpm 0.0.0.0/0 set_nhop 02:00:00:00:00:fe 02:00:00:00:00:01 7
 */
#include <core.p4>
#include <xdp_model.p4>

typedef bit<48> mac_addr_t;
typedef bit<32> ipv4_addr_t;

header ethernet_t {
    mac_addr_t dstAddr;
    mac_addr_t srcAddr;
    bit<16>    etherType;
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

struct headers_t {
    ethernet_t ethernet;
    ipv4_t     ipv4;
}

const bit<16> ETHERTYPE_IPV4 = 0x0800;

parser prs(packet_in packet, out headers_t hdr) {
    state start {
        packet.extract(hdr.ethernet);
        transition select(hdr.ethernet.etherType) {
            ETHERTYPE_IPV4: parse_ipv4;
            default: accept;
        }
    }

    state parse_ipv4 {
        packet.extract(hdr.ipv4);
        transition accept;
    }
}

control ingress(inout headers_t hdr, in xdp_input xin, out xdp_output xout) {
    action set_nhop(mac_addr_t dmac, mac_addr_t smac, bit<32> port) {
        hdr.ethernet.dstAddr = dmac;
        hdr.ethernet.srcAddr = smac;
        bit<16> old = hdr.ipv4.ttl ++ hdr.ipv4.protocol;
        hdr.ipv4.ttl = hdr.ipv4.ttl - 1;
        hdr.ipv4.hdrChecksum = csum_replace2(hdr.ipv4.hdrChecksum, old,
                                             hdr.ipv4.ttl ++ hdr.ipv4.protocol);
        if (port == 0) {
            xout.output_action = xdp_action.XDP_TX;
        } else {
            xout.output_action = xdp_action.XDP_REDIRECT;
            xout.output_port = port;
        }
    }

    action drop() {
        xout.output_action = xdp_action.XDP_DROP;
    }

    table ipv4_lpm {
        key = {
            hdr.ipv4.dstAddr : lpm;
        }
        actions = {
            set_nhop;
            drop;
        }
        size = 65536;
        default_action = drop();
    }

    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.ipv4.isValid()) {
            if (hdr.ipv4.version != 4 || hdr.ipv4.ihl != 5 || hdr.ipv4.ttl <= 1) {
                drop();
            } else {
                ipv4_lpm.apply();
            }
        }
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply {
        packet.emit(hdr.ethernet);
        packet.emit(hdr.ipv4);
    }
}

xdp(prs(), ingress(), dprs()) main;
