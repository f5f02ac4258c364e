/* l4_lb.p4: a layer-4 load balancer (xdp architecture, p4wb_hash extern).
 *
 * `vips` maps a virtual service (destination address, protocol, port) to a backend
 * group and the bucket mask of the group (buckets - 1, a power of two minus one).
 * A 32-bit FNV-1a hash (p4wb_hash) of the 5-tuple picks the bucket, so one flow always
 * reaches the same backend; `backends` maps (group, bucket) to the backend's address
 * and MAC. The packet's destination address and MAC are rewritten, the IPv4 header
 * checksum and the TCP/UDP checksum (whose pseudo-header covers the address) updated
 * incrementally (csum_replace4), and the frame sent back out (XDP_TX). Traffic for no
 * virtual service goes to the Linux stack; a virtual service without a backend for the
 * bucket drops.
 *
 *   p4wb load l4_lb.p4 --dev veth0 --name lb
 *   p4wb table add lb vips 10.0.0.100 6 80 set_group 1 3
 *   p4wb table add lb backends 1 0 set_backend 10.0.1.10 02:00:00:00:01:10
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

header tcp_t {
    bit<16> srcPort;
    bit<16> dstPort;
    bit<32> seqNo;
    bit<32> ackNo;
    bit<4>  dataOffset;
    bit<4>  res;
    bit<8>  flags;
    bit<16> window;
    bit<16> checksum;
    bit<16> urgentPtr;
}

header udp_t {
    bit<16> srcPort;
    bit<16> dstPort;
    bit<16> length;
    bit<16> checksum;
}

struct five_tuple_t {
    ipv4_addr_t src;
    ipv4_addr_t dst;
    bit<8>      proto;
    bit<16>     sport;
    bit<16>     dport;
}

struct headers_t {
    ethernet_t ethernet;
    ipv4_t     ipv4;
    tcp_t      tcp;
    udp_t      udp;
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
            (5, 0, 6): parse_tcp;
            (5, 0, 17): parse_udp;
            default: accept;
        }
    }

    state parse_tcp {
        packet.extract(hdr.tcp);
        transition accept;
    }

    state parse_udp {
        packet.extract(hdr.udp);
        transition accept;
    }
}

control ingress(inout headers_t hdr, in xdp_input xin, out xdp_output xout) {
    five_tuple_t flow;
    bit<32> group = 0;
    bit<32> bucket = 0;

    action set_group(bit<32> id, bit<32> bucket_mask) {
        group = id;
        bucket = p4wb_hash<bit<32>, five_tuple_t>(flow) & bucket_mask;
    }

    action set_backend(ipv4_addr_t addr, mac_addr_t dmac) {
        ipv4_addr_t old = hdr.ipv4.dstAddr;
        hdr.ipv4.dstAddr = addr;
        hdr.ipv4.hdrChecksum = csum_replace4(hdr.ipv4.hdrChecksum, old, addr);
        if (hdr.tcp.isValid()) {
            hdr.tcp.checksum = csum_replace4(hdr.tcp.checksum, old, addr);
        } else if (hdr.udp.checksum != 0) {
            hdr.udp.checksum = csum_replace4(hdr.udp.checksum, old, addr);
        }
        hdr.ethernet.srcAddr = hdr.ethernet.dstAddr;
        hdr.ethernet.dstAddr = dmac;
        xout.output_action = xdp_action.XDP_TX;
    }

    action drop() {
        xout.output_action = xdp_action.XDP_DROP;
    }

    table vips {
        key = {
            hdr.ipv4.dstAddr  : exact;
            hdr.ipv4.protocol : exact;
            flow.dport        : exact;
        }
        actions = {
            set_group;
            NoAction;
        }
        size = 1024;
        default_action = NoAction();
    }

    table backends {
        key = {
            group  : exact;
            bucket : exact;
        }
        actions = {
            set_backend;
            drop;
        }
        size = 65536;
        default_action = drop();
    }

    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.tcp.isValid() || hdr.udp.isValid()) {
            flow.src = hdr.ipv4.srcAddr;
            flow.dst = hdr.ipv4.dstAddr;
            flow.proto = hdr.ipv4.protocol;
            if (hdr.tcp.isValid()) {
                flow.sport = hdr.tcp.srcPort;
                flow.dport = hdr.tcp.dstPort;
            } else {
                flow.sport = hdr.udp.srcPort;
                flow.dport = hdr.udp.dstPort;
            }
            if (vips.apply().hit) {
                backends.apply();
            }
        }
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply {
        packet.emit(hdr.ethernet);
        packet.emit(hdr.ipv4);
        packet.emit(hdr.tcp);
        packet.emit(hdr.udp);
    }
}

xdp(prs(), ingress(), dprs()) main;
