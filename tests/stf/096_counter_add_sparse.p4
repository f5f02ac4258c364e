// CounterArray: add(index, value) on a sparse counter (a hash map, absent entries read
// as 0) counting bytes per source address, and increment on a dense one.
#include "common.p4"
header ip_t { bit<32> src; bit<16> len; }
struct H { eth_t eth; ip_t ip; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.ip); transition accept; } }
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    CounterArray(32w1024, true) bytes_by_src;
    CounterArray(32w4, false) total;
    apply {
        bytes_by_src.add(hdr.ip.src, (bit<32>)hdr.ip.len);
        total.increment(0);
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.ip); } }
xdp(P(), C(), D()) main;
