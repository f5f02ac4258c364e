// Verdicts: a control that never sets output_action passes the packet (XDP_PASS is the
// initial verdict); a control setting only output_port still passes.
#include "common.p4"
header h_t { bit<8> k; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.h.k == 1) { xout.output_port = 5; }
        hdr.h.k = hdr.h.k + 1;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
