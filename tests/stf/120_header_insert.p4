// Headers: setValid on a header the parser did not extract inserts it at its place in
// the deparser's emit order (the packet grows).
#include "common.p4"
header tag_t { bit<16> id; bit<16> type; }
header h_t { bit<8> v; }
struct H { eth_t eth; tag_t tag; h_t h; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) { 0x8100: tag; default: inner; }
    }
    state tag { pk.extract(hdr.tag); transition inner; }
    state inner { pk.extract(hdr.h); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (!hdr.tag.isValid()) {
            hdr.tag.setValid();
            hdr.tag.id = 0x0064;
            hdr.tag.type = hdr.eth.type;
            hdr.eth.type = 0x8100;
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.tag); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
