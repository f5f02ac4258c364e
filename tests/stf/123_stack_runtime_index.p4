// Header stacks: run-time indices (read and write hdr.s[i] with i from the packet); an
// out-of-range index must not touch memory outside the stack.
#include "common.p4"
header e_t { bit<8> v; }
header i_t { bit<8> i; bit<8> got; }
struct H { eth_t eth; i_t idx; e_t[4] s; }
parser P(packet_in pk, out H hdr) {
    state start { pk.extract(hdr.eth); pk.extract(hdr.idx); pk.extract(hdr.s[0]); pk.extract(hdr.s[1]);
                  pk.extract(hdr.s[2]); pk.extract(hdr.s[3]); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.idx.i < 4) {
            hdr.idx.got = hdr.s[hdr.idx.i].v;
            hdr.s[hdr.idx.i].v = 0xee;
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.idx); pk.emit(hdr.s); } }
xdp(P(), C(), D()) main;
