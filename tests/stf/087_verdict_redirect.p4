// Verdicts: XDP_REDIRECT to output_port. A test run cannot see which port a redirect
// goes to, so the program also writes output_port into the packet, and the STF checks
// the verdict and the bytes with `expect XDP_REDIRECT <hex>`.
#include "common.p4"
header h_t { bit<8> k; bit<32> port; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action redirect(bit<32> port) {
        xout.output_port = port;
        xout.output_action = xdp_action.XDP_REDIRECT;
    }
    action tx() { xout.output_action = xdp_action.XDP_TX; }
    table t { key = { hdr.h.k : exact; } actions = { redirect; tx; } default_action = tx(); }
    apply {
        xout.output_port = 0;
        t.apply();
        hdr.h.port = xout.output_port;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
