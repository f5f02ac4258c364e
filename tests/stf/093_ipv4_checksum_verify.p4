// Checksums: verify the received IPv4 checksum with ebpf_ipv4_checksum and drop packets
// whose checksum is wrong; pass the others unchanged.
#include "common.p4"
#include "ipv4.p4"
struct H { eth_t eth; ipv4_t ip; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); transition select(hdr.eth.type) { 0x0800: ip; default: reject; } }
    state ip { pk.extract(hdr.ip); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        bit<16> sum = ebpf_ipv4_checksum(hdr.ip.version, hdr.ip.ihl, hdr.ip.diffserv,
            hdr.ip.totalLen, hdr.ip.identification, hdr.ip.flags, hdr.ip.fragOffset,
            hdr.ip.ttl, hdr.ip.protocol, hdr.ip.srcAddr, hdr.ip.dstAddr);
        if (sum == hdr.ip.hdrChecksum) { xout.output_action = xdp_action.XDP_PASS; }
        else { xout.output_action = xdp_action.XDP_DROP; }
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.ip); } }
xdp(P(), C(), D()) main;
