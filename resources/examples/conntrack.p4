/* conntrack.p4: a stateful firewall with a connection tracker (xdp architecture,
 * FlowTable extern).
 *
 * Hosts inside are the sources matched by `inside` (LPM on the IPv4 source). A TCP or
 * UDP packet from inside is always admitted; when its flow is unknown it is recorded in
 * the `conns` flow table as NEW (key: the 5-tuple as sent). A packet from outside is
 * admitted when it is return traffic of a recorded flow (the reversed 5-tuple is in
 * `conns`), which marks the flow ESTABLISHED; otherwise `services` (exact protocol and
 * destination port) decides: `allow` admits it, anything else drops. A TCP FIN or RST
 * ends the flow (removed from `conns`). Non-IPv4 frames and other IP protocols go to the
 * Linux stack untouched. Admitted packets also go to the stack (XDP_PASS); nothing is
 * rewritten.
 *
 *   p4wb load conntrack.p4 --dev veth0 --name ct
 *   p4wb table add ct inside 10.0.0.0/8 set_inside
 *   p4wb table add ct services 6 22 allow
 */
#include <core.p4>
#include <xdp_model.p4>

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

/* The first 14 bytes of TCP (ports, sequence numbers, flags); UDP uses the ports. */
header l4_t {
    bit<16> srcPort;
    bit<16> dstPort;
    bit<32> seqNo;
    bit<32> ackNo;
    bit<8>  dataOffset;
    bit<8>  flags;
}

header udp_t {
    bit<16> srcPort;
    bit<16> dstPort;
    bit<16> length;
    bit<16> checksum;
}

struct headers_t {
    ethernet_t ethernet;
    ipv4_t     ipv4;
    l4_t       tcp;
    udp_t      udp;
}

struct flow_key_t {
    ipv4_addr_t src;
    ipv4_addr_t dst;
    bit<8>      proto;
    bit<16>     sport;
    bit<16>     dport;
}

const bit<8> CT_NEW = 1;
const bit<8> CT_ESTABLISHED = 2;
const bit<8> TCP_FIN = 0x01;
const bit<8> TCP_RST = 0x04;

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
            (5, 6): parse_tcp;
            (5, 17): parse_udp;
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
    FlowTable<flow_key_t, bit<8>>(65536) conns;
    flow_key_t flow;
    bool from_inside = false;

    action set_inside() {
        from_inside = true;
    }

    action allow() {
        xout.output_action = xdp_action.XDP_PASS;
    }

    action deny() {
        xout.output_action = xdp_action.XDP_DROP;
    }

    table inside {
        key = {
            hdr.ipv4.srcAddr : lpm;
        }
        actions = {
            set_inside;
            NoAction;
        }
        size = 1024;
        default_action = NoAction();
    }

    table services {
        key = {
            hdr.ipv4.protocol : exact;
            flow.dport        : exact;
        }
        actions = {
            allow;
            deny;
        }
        size = 4096;
        default_action = deny();
    }

    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (!hdr.tcp.isValid() && !hdr.udp.isValid()) {
            return;
        }
        bit<8> tcp_flags = 0;
        flow.src = hdr.ipv4.srcAddr;
        flow.dst = hdr.ipv4.dstAddr;
        flow.proto = hdr.ipv4.protocol;
        if (hdr.tcp.isValid()) {
            flow.sport = hdr.tcp.srcPort;
            flow.dport = hdr.tcp.dstPort;
            tcp_flags = hdr.tcp.flags;
        } else {
            flow.sport = hdr.udp.srcPort;
            flow.dport = hdr.udp.dstPort;
        }
        bool ends = (tcp_flags & (TCP_FIN | TCP_RST)) != 0;
        bit<8> state;
        inside.apply();
        if (from_inside) {
            if (ends) {
                conns.remove(flow);
            } else if (!conns.lookup(flow, state)) {
                conns.update(flow, CT_NEW);
            }
            return;
        }
        flow_key_t reply;
        reply.src = flow.dst;
        reply.dst = flow.src;
        reply.proto = flow.proto;
        reply.sport = flow.dport;
        reply.dport = flow.sport;
        if (conns.lookup(reply, state)) {
            if (ends) {
                conns.remove(reply);
            } else if (state != CT_ESTABLISHED) {
                conns.update(reply, CT_ESTABLISHED);
            }
            return;
        }
        services.apply();
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
