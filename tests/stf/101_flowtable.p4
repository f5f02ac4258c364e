// FlowTable (p4wb_externs.p4): update inserts or replaces, lookup reports presence and
// the value (0 when absent), remove deletes; state persists across packets.
#include "common.p4"
header h_t { bit<8> op; bit<32> key; bit<16> val; bit<8> found; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    FlowTable<bit<32>, bit<16>>(64) flows;
    apply {
        if (hdr.h.op == 1) {
            flows.update(hdr.h.key, hdr.h.val);
        } else if (hdr.h.op == 2) {
            bit<16> v;
            bool hit = flows.lookup(hdr.h.key, v);
            hdr.h.val = v;
            hdr.h.found = hit ? 8w1 : 8w0;
        } else if (hdr.h.op == 3) {
            flows.remove(hdr.h.key);
        }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
