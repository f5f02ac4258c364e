// Packet writes: fields at odd bit offsets and straddling byte boundaries (bit<1>,
// bit<7>, bit<13>, bit<11>, bit<3>, bit<5>, bit<24> at offset 4) are written without
// touching their neighbours.
#include "common.p4"
header h_t { bit<1> f1; bit<7> f7; bit<13> f13; bit<11> f11; bit<4> n; bit<24> f24; bit<4> m; bit<3> f3; bit<5> f5; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.eth.type == 1) {
            hdr.h.f1 = 0; hdr.h.f13 = 0; hdr.h.f24 = 0; hdr.h.f3 = 0;
        } else {
            hdr.h.f7 = hdr.h.f7 + 1;
            hdr.h.f11 = ~hdr.h.f11;
            hdr.h.f24 = hdr.h.f24 + 0x000101;
            hdr.h.f5 = 0x15;
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
