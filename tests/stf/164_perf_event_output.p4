// BPF_PERF_EVENT_OUTPUT(): the packet is sent to the perf ring of the current CPU
// (map p4wb_perf_events). In a test run nobody listens, so the helper's result is
// -ENOENT (0xfffffffe), written into the packet; the packet itself goes on.
#include "common.p4"
header r_t { bit<32> result; }
struct H { eth_t eth; r_t r; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.r); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        hdr.r.result = BPF_PERF_EVENT_OUTPUT();
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.r); } }
xdp(P(), C(), D()) main;
