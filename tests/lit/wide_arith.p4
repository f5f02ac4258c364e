// Wide fields and arithmetic: 128-bit multiply (32-bit limbs), add, shift by a run-time
// amount (power-of-two steps), slices and concatenation, saturating signed/unsigned
// add/sub, comparisons, casts. No libcall reaches the BPF back end.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// IR-NOT: {{[=] mul i128}}
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header w_t { bit<128> a; bit<128> b; bit<8> s; int<8> x; int<8> y; bit<8> pad; }
header o_t { bit<128> mul; bit<128> add; bit<128> shl; bit<64> hi; bit<8> sat_u; int<8> sat_s; int<8> ssub; bit<8> cmp; bit<8> uplus; bit<8> pad; }
struct hdrs_t { eth_t eth; w_t w; o_t o; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); pkt.extract(h.w); pkt.extract(h.o); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        h.o.mul = h.w.a * h.w.b;
        h.o.add = h.w.a + h.w.b;
        h.o.shl = h.w.a << h.w.s;
        h.o.hi = (h.w.a[127:64] ++ h.w.b[7:0] ++ h.w.b[127:120] ++ 48w0)[119:56];
        h.o.sat_u = h.w.s |+| 8w200;
        h.o.sat_s = h.w.x |+| h.w.y;
        h.o.ssub = h.w.x |-| h.w.y;
        h.o.cmp = (h.w.a > h.w.b ? 8w1 : 8w0) | (h.w.x < h.w.y ? 8w2 : 8w0) | (h.w.a == h.w.b ? 8w4 : 8w0);
        h.o.uplus = (bit<8>)(h.w.x) + (bit<8>)(int<8>)(h.w.a[7:0]);
        xout.output_action = xdp_action.XDP_TX;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;
