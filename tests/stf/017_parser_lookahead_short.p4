// Parser: lookahead past the end of the packet fails (PacketTooShort): rejected; an
// extract of the same header twice keeps the second copy.
#include "common.p4"
header h_t { bit<8> v; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(pk.lookahead<bit<16>>()) {
            0xffff: twice;
            default: once;
        }
    }
    state twice { pk.extract(hdr.h); pk.extract(hdr.h); transition accept; }
    state once { pk.extract(hdr.h); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) { apply { hdr.h.v = hdr.h.v + 1; xout.output_action = xdp_action.XDP_TX; } }
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
