/* l2_switch.p4: a learning-table Ethernet switch (xdp architecture).
 *
 * The control plane learns MAC addresses (from the frames the switch hands to the
 * kernel) and writes them into `dmac`: destination MAC -> port. A hit sends the frame
 * out of that port (an ifindex, XDP_REDIRECT; port 0 means "back out of the port it
 * came in on", XDP_TX). Broadcast/multicast frames and misses are flooded, which in XDP
 * means handing them to the Linux bridge (XDP_PASS); `set-default ... drop` turns
 * unknown unicast into drops. Frames from a source MAC in `blocked_src` are dropped.
 *
 *   p4wb load l2_switch.p4 --dev veth0 --name sw
 *   p4wb table add sw dmac 02:00:00:00:00:02 forward 7
 *   p4wb table add sw blocked_src 02:00:00:00:00:66 drop
 */
#include <core.p4>
#include <xdp_model.p4>

typedef bit<48> mac_addr_t;

header ethernet_t {
    mac_addr_t dstAddr;
    mac_addr_t srcAddr;
    bit<16>    etherType;
}

struct headers_t {
    ethernet_t ethernet;
}

parser prs(packet_in packet, out headers_t hdr) {
    state start {
        packet.extract(hdr.ethernet);
        transition accept;
    }
}

control ingress(inout headers_t hdr, in xdp_input xin, out xdp_output xout) {
    action forward(bit<32> port) {
        if (port == 0) {
            xout.output_action = xdp_action.XDP_TX;
        } else {
            xout.output_action = xdp_action.XDP_REDIRECT;
            xout.output_port = port;
        }
    }

    action flood() {
        xout.output_action = xdp_action.XDP_PASS;
    }

    action drop() {
        xout.output_action = xdp_action.XDP_DROP;
    }

    table blocked_src {
        key = {
            hdr.ethernet.srcAddr : exact;
        }
        actions = {
            drop;
            NoAction;
        }
        size = 1024;
        default_action = NoAction();
    }

    table dmac {
        key = {
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

    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        blocked_src.apply();
        if (xout.output_action == xdp_action.XDP_DROP) {
            return;
        }
        if (hdr.ethernet.dstAddr[40:40] == 1) {
            flood();  // broadcast and multicast
        } else {
            dmac.apply();
        }
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply {
        packet.emit(hdr.ethernet);
    }
}

xdp(prs(), ingress(), dprs()) main;
