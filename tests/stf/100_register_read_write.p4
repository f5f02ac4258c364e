// Register (p4wb_externs.p4): per-index state across packets: read, add, write back; an
// index past the end reads 0 and writes nothing.
#include "common.p4"
header h_t { bit<8> idx; bit<16> inc; bit<16> res; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    Register<bit<16>, bit<8>>(8) acc;
    apply {
        bit<16> v = acc.read(hdr.h.idx);
        v = v + hdr.h.inc;
        acc.write(hdr.h.idx, v);
        hdr.h.res = v;
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
