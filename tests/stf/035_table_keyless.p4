// Tables: a keyless table always runs its default action; setdefault changes it.
#include "common.p4"
header h_t { bit<16> v; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action add_to(bit<16> d) { hdr.h.v = hdr.h.v + d; }
    action clear() { hdr.h.v = 0; }
    table always {
        actions = { add_to; clear; }
        default_action = add_to(0x100);
    }
    apply { always.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
