// Deparser: emit inside an if: a valid header that is not emitted disappears from the
// output (the packet shrinks); emitted ones stay.
#include "common.p4"
header opt_t { bit<8> keep; bit<8> v; }
header h_t { bit<8> v; }
struct H { eth_t eth; opt_t o; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.o); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) { apply { xout.output_action = xdp_action.XDP_TX; } }
control D(in H hdr, packet_out pk) {
    apply {
        pk.emit(hdr.eth);
        if (hdr.o.keep == 1) { pk.emit(hdr.o); }
        pk.emit(hdr.h);
    }
}
xdp(P(), C(), D()) main;
