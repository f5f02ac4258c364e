// varbit when the packet's head is rebuilt: a header inserted in front of a varbit header
// (its bytes are written back with bpf_xdp_store_bytes), and a varbit assigned from
// another of a different length (the packet shrinks or grows by the difference).
#include "common.p4"
header len_t { bit<8> bytes; }
header opt_t { bit<8> kind; varbit<64> data; }
header mark_t { bit<16> m; }
struct H { eth_t eth; len_t la; opt_t a; len_t lb; opt_t b; mark_t mark; }
parser P(packet_in pk, out H hdr) {
    state start {
        pk.extract(hdr.eth);
        pk.extract(hdr.la);
        pk.extract(hdr.a, (bit<32>)hdr.la.bytes * 8);
        pk.extract(hdr.lb);
        pk.extract(hdr.b, (bit<32>)hdr.lb.bytes * 8);
        transition accept;
    }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    apply {
        if (hdr.a.kind == 1) { hdr.mark.setValid(); hdr.mark.m = 0xabcd; }
        if (hdr.a.kind == 2) { hdr.b.data = hdr.a.data; hdr.lb.bytes = hdr.la.bytes; }
        xout.output_action = xdp_action.XDP_TX;
    }
}
control D(in H hdr, packet_out pk) {
    apply { pk.emit(hdr.eth); pk.emit(hdr.mark); pk.emit(hdr.la); pk.emit(hdr.a); pk.emit(hdr.lb); pk.emit(hdr.b); }
}
xdp(P(), C(), D()) main;
