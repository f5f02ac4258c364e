/* basic_fwd.p4: the P4 Workbench starter program (xdp architecture).
 *
 * Parses Ethernet and IPv4 and looks the IPv4 destination up in one exact-match
 * table. A hit can bounce the frame back out of the interface with rewritten MAC
 * addresses (XDP_TX) or drop it; a miss, and anything that is not IPv4, goes on to the
 * Linux stack (XDP_PASS).
 *
 *   p4wb load basic_fwd.p4 --dev veth0 --name fwd
 *   p4wb table add fwd ingress.ipv4_fwd 10.0.0.2 forward 02:00:00:00:00:02 02:00:00:00:00:01
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
    action forward(mac_addr_t dmac, mac_addr_t smac) {
        hdr.ethernet.dstAddr = dmac;
        hdr.ethernet.srcAddr = smac;
        xout.output_action = xdp_action.XDP_TX;
    }

    action drop() {
        xout.output_action = xdp_action.XDP_DROP;
    }

    action pass_to_kernel() {
        xout.output_action = xdp_action.XDP_PASS;
    }

    table ipv4_fwd {
        key = {
            hdr.ipv4.dstAddr : exact;
        }
        actions = {
            forward;
            drop;
            pass_to_kernel;
        }
        size = 1024;
        default_action = pass_to_kernel();
    }

    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.ipv4.isValid()) {
            ipv4_fwd.apply();
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
