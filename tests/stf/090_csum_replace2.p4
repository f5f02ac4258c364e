// Checksums: csum_replace2 updates the IPv4 header checksum incrementally (RFC 1624)
// after the TTL (high byte of the ttl/protocol word) is decremented.
#include "common.p4"
#include "ipv4.p4"
struct H { eth_t eth; ipv4_t ip; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); transition select(hdr.eth.type) { 0x0800: ip; default: accept; } }
    state ip { pk.extract(hdr.ip); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.ip.isValid()) {
            bit<16> old = hdr.ip.ttl ++ hdr.ip.protocol;
            hdr.ip.ttl = hdr.ip.ttl - 1;
            hdr.ip.hdrChecksum = csum_replace2(hdr.ip.hdrChecksum, old, hdr.ip.ttl ++ hdr.ip.protocol);
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.ip); } }
xdp(P(), C(), D()) main;
