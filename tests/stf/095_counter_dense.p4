// CounterArray (dense, an array map): increment(index) per packet, indexed by a header
// field; check_counter reads the totals.
#include "common.p4"
header h_t { bit<8> k; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    CounterArray(32w16, false) per_k;
    apply {
        per_k.increment((bit<32>)hdr.h.k);
        xout.output_action = xdp_action.XDP_DROP;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
