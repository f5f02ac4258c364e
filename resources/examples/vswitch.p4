/* vswitch.p4: a small virtual switch with VLANs, bridging and routing between them
 * (xdp architecture).
 *
 * A frame's VLAN is its 802.1Q tag, or for an untagged frame the access VLAN of the
 * port it came in on (`port_vlan`, exact ifindex; none: VLAN 1). Frames for the
 * router's MAC in that VLAN (`router_mac`) are routed: LPM on the IPv4 destination
 * (`routes`) gives the next hop's VLAN, MAC and port, the router's MAC becomes the
 * source, the TTL is decremented (the checksum updated incrementally; TTL <= 1 drops).
 * Other frames are bridged within their VLAN (`mac_vlan`, exact VLAN and destination
 * MAC; a miss floods through the Linux bridge, XDP_PASS). Every forwarding entry says
 * whether the port is a trunk (the frame leaves tagged with its VLAN: a tag is pushed
 * onto an untagged frame) or an access port (a tag is popped). The port is an ifindex
 * (XDP_REDIRECT), 0 = back out of the port the frame came in on (XDP_TX).
 *
 *   p4wb load vswitch.p4 --dev veth0 --name vs
 *   p4wb table add vs mac_vlan 10 02:00:00:00:00:0a forward 0 1
 *   p4wb table add vs router_mac 10 02:00:00:00:00:fe route
 *   p4wb table add vs routes 10.20.0.0/16 set_nhop 20 02:00:00:00:00:14 02:00:00:00:00:fe 0 0
 */
#include <core.p4>
#include <xdp_model.p4>

typedef bit<48> mac_addr_t;
typedef bit<12> vlan_id_t;

header ethernet_t {
    mac_addr_t dstAddr;
    mac_addr_t srcAddr;
    bit<16>    etherType;
}

header vlan_t {
    bit<3>    pcp;
    bit<1>    dei;
    vlan_id_t vid;
    bit<16>   etherType;
}

header ipv4_t {
    bit<4>  version;
    bit<4>  ihl;
    bit<8>  diffserv;
    bit<16> totalLen;
    bit<16> identification;
    bit<3>  flags;
    bit<13> fragOffset;
    bit<8>  ttl;
    bit<8>  protocol;
    bit<16> hdrChecksum;
    bit<32> srcAddr;
    bit<32> dstAddr;
}

struct headers_t {
    ethernet_t ethernet;
    vlan_t     vlan;
    ipv4_t     ipv4;
}

const bit<16> ETHERTYPE_VLAN = 0x8100;
const bit<16> ETHERTYPE_IPV4 = 0x0800;

parser prs(packet_in packet, out headers_t hdr) {
    state start {
        packet.extract(hdr.ethernet);
        transition select(hdr.ethernet.etherType) {
            ETHERTYPE_VLAN: parse_vlan;
            ETHERTYPE_IPV4: parse_ipv4;
            default: accept;
        }
    }

    state parse_vlan {
        packet.extract(hdr.vlan);
        transition select(hdr.vlan.etherType) {
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
    vlan_id_t vid = 1;
    bool routed = false;

    action set_vlan(vlan_id_t id) {
        vid = id;
    }

    action route() {
        routed = true;
    }

    /* Leave through `port` in VLAN `out_vid`, tagged on a trunk (trunk == 1). */
    action send(vlan_id_t out_vid, bit<32> port, bit<1> trunk) {
        if (trunk == 1 && !hdr.vlan.isValid()) {
            hdr.vlan.setValid();
            hdr.vlan.pcp = 0;
            hdr.vlan.dei = 0;
            hdr.vlan.etherType = hdr.ethernet.etherType;
            hdr.ethernet.etherType = ETHERTYPE_VLAN;
        } else if (trunk == 0 && hdr.vlan.isValid()) {
            hdr.ethernet.etherType = hdr.vlan.etherType;
            hdr.vlan.setInvalid();
        }
        if (trunk == 1) {
            hdr.vlan.vid = out_vid;
        }
        if (port == 0) {
            xout.output_action = xdp_action.XDP_TX;
        } else {
            xout.output_action = xdp_action.XDP_REDIRECT;
            xout.output_port = port;
        }
    }

    action forward(bit<32> port, bit<1> trunk) {
        send(vid, port, trunk);
    }

    action set_nhop(vlan_id_t out_vid, mac_addr_t dmac, mac_addr_t smac, bit<32> port,
                    bit<1> trunk) {
        hdr.ethernet.dstAddr = dmac;
        hdr.ethernet.srcAddr = smac;
        bit<16> old = hdr.ipv4.ttl ++ hdr.ipv4.protocol;
        hdr.ipv4.ttl = hdr.ipv4.ttl - 1;
        hdr.ipv4.hdrChecksum = csum_replace2(hdr.ipv4.hdrChecksum, old,
                                             hdr.ipv4.ttl ++ hdr.ipv4.protocol);
        send(out_vid, port, trunk);
    }

    action flood() {
        xout.output_action = xdp_action.XDP_PASS;
    }

    action drop() {
        xout.output_action = xdp_action.XDP_DROP;
    }

    table port_vlan {
        key = {
            xin.input_port : exact;
        }
        actions = {
            set_vlan;
            NoAction;
        }
        size = 256;
        default_action = NoAction();
    }

    table router_mac {
        key = {
            vid                  : exact;
            hdr.ethernet.dstAddr : exact;
        }
        actions = {
            route;
            NoAction;
        }
        size = 256;
        default_action = NoAction();
    }

    table mac_vlan {
        key = {
            vid                  : exact;
            hdr.ethernet.dstAddr : exact;
        }
        actions = {
            forward;
            flood;
            drop;
        }
        size = 65536;
        default_action = flood();
    }

    table routes {
        key = {
            hdr.ipv4.dstAddr : lpm;
        }
        actions = {
            set_nhop;
            drop;
        }
        size = 16384;
        default_action = drop();
    }

    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hdr.vlan.isValid()) {
            vid = hdr.vlan.vid;
        } else {
            port_vlan.apply();
        }
        router_mac.apply();
        if (routed) {
            if (!hdr.ipv4.isValid()) {
                return;  // ARP etc. for the router: the Linux stack answers
            }
            if (hdr.ipv4.ttl <= 1) {
                drop();
            } else {
                routes.apply();
            }
        } else if (hdr.ethernet.dstAddr[40:40] == 1) {
            flood();
        } else {
            mac_vlan.apply();
        }
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply {
        packet.emit(hdr.ethernet);
        packet.emit(hdr.vlan);
        packet.emit(hdr.ipv4);
    }
}

xdp(prs(), ingress(), dprs()) main;
