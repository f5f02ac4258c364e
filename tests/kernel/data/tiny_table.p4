/* Kernel test fixture: one exact-match table of 4 entries, so the fault test can fill it
 * and see the fifth `p4wb table add` refused as full. */
#include <core.p4>
#include <xdp_model.p4>

header ethernet_t {
    bit<48> dstAddr;
    bit<48> srcAddr;
    bit<16> etherType;
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
    action drop() {
        xout.output_action = xdp_action.XDP_DROP;
    }

    action pass_to_kernel() {
        xout.output_action = xdp_action.XDP_PASS;
    }

    table by_type {
        key = {
            hdr.ethernet.etherType : exact;
        }
        actions = {
            drop;
            pass_to_kernel;
        }
        size = 4;
        default_action = pass_to_kernel();
    }

    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        by_type.apply();
    }
}

control dprs(in headers_t hdr, packet_out packet) {
    apply {
        packet.emit(hdr.ethernet);
    }
}

xdp(prs(), ingress(), dprs()) main;
