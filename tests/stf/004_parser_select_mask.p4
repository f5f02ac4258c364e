// Parser: select with value &&& mask cases, checked in order.
#include "common.p4"
header h_t { bit<8> v; bit<8> tag; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.h);
        transition select(hdr.h.v) {
            0x80 &&& 0x80: high;        // top bit set
            0x01 &&& 0x0f: low1;        // low nibble 1
            0x00 &&& 0x00: rest;        // everything else
        }
    }
    state high { hdr.h.tag = 1; transition accept; }
    state low1 { hdr.h.tag = 2; transition accept; }
    state rest { hdr.h.tag = 3; transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply { xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
