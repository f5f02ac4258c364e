// Parser: a value_set case in a select. No STF command fills value sets, so the set is
// empty: it matches nothing and the cases after it decide.
#include "common.p4"
header h_t { bit<8> tag; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    value_set<bit<16>>(4) special;
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.h);
        transition select(hdr.eth.type) {
            special: in_set;
            0x0800: known;
            default: accept;
        }
    }
    state in_set { hdr.h.tag = 0xee; transition accept; }
    state known { hdr.h.tag = 0x08; transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply { xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
