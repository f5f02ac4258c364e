// Header unions: the parser extracts one member of a union; isValid() on the union and on
// each member; setting one member valid invalidates the other.
#include "common.p4"
header v4_t { bit<32> addr; }
header v6_t { bit<64> addr; }
header_union ip_u { v4_t v4; v6_t v6; }
header r_t { bit<8> which; }
struct H { eth_t eth; ip_u ip; r_t r; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        transition select(hdr.eth.type) { 0x0800: v4; 0x86dd: v6; default: rest; }
    }
    state v4 { pk.extract(hdr.ip.v4); transition rest; }
    state v6 { pk.extract(hdr.ip.v6); transition rest; }
    state rest { pk.extract(hdr.r); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.ip.v4.isValid()) { hdr.r.which = 4; }
        else if (hdr.ip.v6.isValid()) { hdr.r.which = 6; }
        else if (!hdr.ip.isValid()) { hdr.r.which = 0; }
        if (hdr.r.which == 6 && hdr.ip.v6.addr == 0) {
            // replace the v6 member by a v4 one: the union holds one member at a time
            hdr.ip.v4.setValid();
            hdr.ip.v4.addr = 0x7f000001;
            hdr.eth.type = 0x0800;
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.ip); pk.emit(hdr.r); } }
xdp(P(), C(), D()) main;
