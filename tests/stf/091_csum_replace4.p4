// Checksums: csum_replace4 updates the IPv4 header checksum after a 32-bit field (the
// source address, NAT style) changes.
#include "common.p4"
#include "ipv4.p4"
struct H { eth_t eth; ipv4_t ip; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); transition select(hdr.eth.type) { 0x0800: ip; default: accept; } }
    state ip { pk.extract(hdr.ip); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action snat(bit<32> addr) {
        hdr.ip.hdrChecksum = csum_replace4(hdr.ip.hdrChecksum, hdr.ip.srcAddr, addr);
        hdr.ip.srcAddr = addr;
    }
    table nat { key = { hdr.ip.srcAddr : exact; } actions = { snat; NoAction; } default_action = NoAction(); }
    apply {
        if (hdr.ip.isValid()) { nat.apply(); }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.ip); } }
xdp(P(), C(), D()) main;
