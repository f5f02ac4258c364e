// Shifts of 128-bit values by a run-time amount: done in 64-bit limbs (BPF has no
// 128-bit shift and no library to call); `>>` on int<128> fills with the sign.
// RUN: %p4wb compile %s -o %t.o
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header in_t { bit<128> a; bit<8> s; }
header out_t { bit<128> shl; bit<128> shr; int<128> sar; }
struct hdrs_t { eth_t eth; in_t i; out_t o; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); pkt.extract(h.i); pkt.extract(h.o); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        h.o.shl = h.i.a << h.i.s;
        h.o.shr = h.i.a >> h.i.s;
        h.o.sar = ((int<128>)h.i.a) >> h.i.s;
        xout.output_action = xdp_action.XDP_TX;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;
