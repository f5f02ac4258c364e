// Tables: `implementation = array_table(N)` (ebpf_model.p4): an exact bit<32> key used as
// an index into a BPF array; entries at indices, a miss (index without entry) runs the
// default action.
#include "common.p4"
header h_t { bit<32> idx; bit<8> res; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bit<8> v) { hdr.h.res = v; }
    table t {
        key = { hdr.h.idx : exact; }
        actions = { set; }
        default_action = set(0xdd);
        implementation = array_table(16);
    }
    apply { t.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
