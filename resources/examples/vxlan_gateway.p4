/* vxlan_gateway.p4: a VXLAN tunnel end point (xdp architecture).
 *
 * Decapsulation: a VXLAN packet (IPv4, UDP port 4789) whose outer destination address
 * and VNI are in `decap_vni` loses its outer Ethernet, IPv4, UDP and VXLAN headers (50
 * bytes popped); the inner frame goes out of the port of the entry (an ifindex,
 * XDP_REDIRECT; 0 = back out of the port it came in on, XDP_TX).
 * Encapsulation: an IPv4 frame whose destination MAC is in `encap_mac` is wrapped in new
 * outer Ethernet, IPv4 (header checksum computed), UDP (source port from the inner
 * addresses, for ECMP entropy; checksum 0) and VXLAN headers (50 bytes pushed) towards
 * the remote tunnel end point of the entry. Everything else goes to the Linux stack
 * (XDP_PASS): ARP, frames for unknown MACs, VXLAN for other VNIs.
 *
 *   p4wb load vxlan_gateway.p4 --dev veth0 --name vx
 *   p4wb table add vx decap_vni 192.168.0.1 5000 decap 0
 *   p4wb table add vx encap_mac 02:00:00:00:00:0b encap 5000 192.168.0.1 192.168.0.2 02:00:00:00:00:01 02:00:00:00:00:02 0
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

header udp_t {
    bit<16> srcPort;
    bit<16> dstPort;
    bit<16> length;
    bit<16> checksum;
}

header vxlan_t {
    bit<8>  flags;     // 0x08: the VNI is valid
    bit<24> reserved;
    bit<24> vni;
    bit<8>  reserved2;
}

/* ethernet/ipv4/udp/vxlan are the outer headers of a VXLAN packet and the only headers
 * of a plain frame (then inner_* are invalid until encapsulation copies them there). */
struct headers_t {
    ethernet_t ethernet;
    ipv4_t     ipv4;
    udp_t      udp;
    vxlan_t    vxlan;
    ethernet_t inner_ethernet;
    ipv4_t     inner_ipv4;
    udp_t      inner_udp;
}

const bit<16> VXLAN_PORT = 4789;
const bit<16> OUTER_BYTES = 50;  // Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8

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
        transition select(hdr.ipv4.ihl, hdr.ipv4.protocol) {
            (5, 17): parse_udp;
            default: accept;
        }
    }

    state parse_udp {
        packet.extract(hdr.udp);
        transition select(hdr.udp.dstPort) {
            VXLAN_PORT: parse_vxlan;
            default: accept;
        }
    }

    state parse_vxlan {
        packet.extract(hdr.vxlan);
        packet.extract(hdr.inner_ethernet);
        transition accept;
    }
}

control ingress(inout headers_t hdr, in xdp_input xin, out xdp_output xout) {
    action send(bit<32> port) {
        if (port == 0) {
            xout.output_action = xdp_action.XDP_TX;
        } else {
            xout.output_action = xdp_action.XDP_REDIRECT;
            xout.output_port = port;
        }
    }

    action decap(bit<32> port) {
        hdr.ethernet.setInvalid();
        hdr.ipv4.setInvalid();
        hdr.udp.setInvalid();
        hdr.vxlan.setInvalid();
        send(port);
    }

    action encap(bit<24> vni, ipv4_addr_t local_vtep, ipv4_addr_t remote_vtep,
                 mac_addr_t outer_smac, mac_addr_t outer_dmac, bit<32> port) {
        hdr.inner_ethernet = hdr.ethernet;
        hdr.inner_ipv4 = hdr.ipv4;
        hdr.inner_udp = hdr.udp;  // a plain UDP packet's own header (or invalid)

        hdr.ethernet.dstAddr = outer_dmac;
        hdr.ethernet.srcAddr = outer_smac;
        hdr.ethernet.etherType = 0x0800;

        hdr.ipv4.version = 4;
        hdr.ipv4.ihl = 5;
        hdr.ipv4.diffserv = 0;
        hdr.ipv4.totalLen = hdr.inner_ipv4.totalLen + OUTER_BYTES;
        hdr.ipv4.identification = 0;
        hdr.ipv4.flags = 2;  // don't fragment
        hdr.ipv4.fragOffset = 0;
        hdr.ipv4.ttl = 64;
        hdr.ipv4.protocol = 17;
        hdr.ipv4.srcAddr = local_vtep;
        hdr.ipv4.dstAddr = remote_vtep;
        hdr.ipv4.hdrChecksum = ebpf_ipv4_checksum(4, 5, 0, hdr.ipv4.totalLen, 0, 2, 0, 64, 17,
                                                  local_vtep, remote_vtep);

        hdr.udp.setValid();
        hdr.udp.srcPort = 0xc000 | (hdr.inner_ipv4.srcAddr[15:0] ^ hdr.inner_ipv4.dstAddr[15:0]);
        hdr.udp.dstPort = VXLAN_PORT;
        hdr.udp.length = hdr.inner_ipv4.totalLen + (OUTER_BYTES - 20);
        hdr.udp.checksum = 0;

        hdr.vxlan.setValid();
        hdr.vxlan.flags = 0x08;
        hdr.vxlan.reserved = 0;
        hdr.vxlan.vni = vni;
        hdr.vxlan.reserved2 = 0;
        send(port);
    }

    table decap_vni {
        key = {
            hdr.ipv4.dstAddr : exact;
            hdr.vxlan.vni    : exact;
        }
        actions = {
            decap;
            NoAction;
        }
        size = 4096;
        default_action = NoAction();
    }

    table encap_mac {
        key = {
            hdr.ethernet.dstAddr : exact;
        }
        actions = {
            encap;
            NoAction;
        }
        size = 16384;
        default_action = NoAction();
    }

    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.vxlan.isValid()) {
            if (hdr.vxlan.flags == 0x08) {
                decap_vni.apply();
            }
        } else if (hdr.ipv4.isValid()) {
            encap_mac.apply();
        }
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply {
        packet.emit(hdr.ethernet);
        packet.emit(hdr.ipv4);
        packet.emit(hdr.udp);
        packet.emit(hdr.vxlan);
        packet.emit(hdr.inner_ethernet);
        packet.emit(hdr.inner_ipv4);
        packet.emit(hdr.inner_udp);
    }
}

xdp(prs(), ingress(), dprs()) main;
