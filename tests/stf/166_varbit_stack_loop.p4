// varbit in a header stack: TLV options (a length byte, then length - 1 data bytes) parsed
// in a loop with extract(s.next, len) until a zero length; one of them changed in place.
#include "common.p4"
header opt_t { bit<8> len; varbit<48> data; }
struct H { eth_t eth; opt_t[3] opts; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); transition next; }
    state next {
        bit<8> l = pk.lookahead<bit<8>>();
        transition select(l) { 0: accept; default: one; }
    }
    state one { pk.extract(hdr.opts.next, (bit<32>)pk.lookahead<bit<8>>() * 8 - 8); transition next; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply { if (hdr.opts[1].isValid()) { hdr.opts[1].len = hdr.opts[1].len | 0x80; } xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.opts); } }
xdp(P(), C(), D()) main;
