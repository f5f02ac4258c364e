// Checksums: csum_replace2 on a UDP-style checksum after rewriting the 16-bit
// destination port from a table (the new port is an action parameter).
#include "common.p4"
header udp_t { bit<16> sport; bit<16> dport; bit<16> len; bit<16> csum; }
struct H { eth_t eth; udp_t udp; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.udp); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action rewrite(bit<16> port) {
        hdr.udp.csum = csum_replace2(hdr.udp.csum, hdr.udp.dport, port);
        hdr.udp.dport = port;
    }
    table ports { key = { hdr.udp.dport : exact; } actions = { rewrite; NoAction; } default_action = NoAction(); }
    apply { ports.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.udp); } }
xdp(P(), C(), D()) main;
