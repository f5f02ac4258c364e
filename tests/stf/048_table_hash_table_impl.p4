// Tables: `implementation = hash_table(N)` (ebpf_model.p4) on an exact table behaves like
// a plain exact table with N entries.
#include "common.p4"
header h_t { bit<32> k; bit<8> res; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bit<8> v) { hdr.h.res = v; }
    table t {
        key = { hdr.h.k : exact; }
        actions = { set; }
        default_action = set(0xdd);
        implementation = hash_table(64);
    }
    apply { t.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
