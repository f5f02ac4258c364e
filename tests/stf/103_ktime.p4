// BPF_KTIME_GET_NS: two readings in one packet are non-zero and do not go backwards.
#include "common.p4"
header h_t { bit<8> nonzero; bit<8> monotonic; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        bit<32> t1 = BPF_KTIME_GET_NS();
        bit<32> t2 = BPF_KTIME_GET_NS();
        hdr.h.nonzero = t1 != 0 ? 8w1 : 8w0;
        // 32-bit readings may wrap between the two calls; their difference is still small
        hdr.h.monotonic = (t2 - t1) < 32w1000000000 ? 8w1 : 8w0;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
