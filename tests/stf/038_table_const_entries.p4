// Tables: const entries (installed by the runtime at load) on a two-key table with an
// action taking two parameters; a miss runs the default.
#include "common.p4"
header h_t { bit<8> k1; bit<16> k2; bit<8> x; bit<8> y; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bit<8> x, bit<8> y) { hdr.h.x = x; hdr.h.y = y; }
    action drop() { xout.output_action = xdp_action.XDP_DROP; }
    table t {
        key = { hdr.h.k1 : exact; hdr.h.k2 : exact; }
        actions = { set; drop; }
        const entries = {
            (1, 0x0100) : set(0x11, 0x12);
            (2, 0x0200) : set(0x21, 0x22);
            (3, 0xffff) : drop();
        }
        default_action = set(0, 0);
    }
    apply { xout.output_action = xdp_action.XDP_TX; t.apply(); }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
