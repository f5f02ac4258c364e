// Tables: the STF spellings of p4c's eBPF tests: flattened table and action names
// (pipe_tbl, pipe_set), key.fieldN for the N-th key field and _NoAction().
#include "common.p4"
header h_t { bit<16> k0; bit<8> k1; bit<8> v; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control pipe(inout H hdr, in xdp_input xin, out xdp_output xout) {
    action set(bit<8> val) { hdr.h.v = val; }
    action mark() { hdr.h.v = 0x99; }
    table tbl {
        key = { hdr.h.k0 : exact; hdr.h.k1 : exact; }
        actions = { set; mark; NoAction; }
        default_action = mark();
    }
    apply { tbl.apply(); xout.output_action = xdp_action.XDP_TX; }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), pipe(), D()) main;
