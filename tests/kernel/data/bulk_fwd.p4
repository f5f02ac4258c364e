/* bulk_fwd.p4 (kernel test data): basic_fwd with a 131072-entry table for bulk import
 * and dump measurements, and a small second table (by source address) for reload tests.
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
        size = 131072;
        default_action = pass_to_kernel();
    }

    table src_filter {
        key = {
            hdr.ipv4.srcAddr : exact;
        }
        actions = {
            drop;
            NoAction;
        }
        size = 64;
        default_action = NoAction();
    }

    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.ipv4.isValid()) {
            ipv4_fwd.apply();
            src_filter.apply();
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
