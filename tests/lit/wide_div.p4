// `/` and `%` over 64 bits: no udiv/urem i128 (a library call for BPF) reaches the back
// end; the quotient comes from bpf_loop (helper 181) over p4wb_udiv128_step, whose state
// is in the per-CPU map p4wb_udiv128; division by zero selects 0 / the dividend. 64 bits
// and less: one udiv by a divisor that is never 0.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll
// RUN: FileCheck %s < %t.ll
// CHECK-NOT: {{udiv i128|urem i128}}
// CHECK: @p4wb_udiv128 = {{.*}} section ".maps"
// CHECK: define {{.*}} @p4wb_xdp(
// CHECK: select i1 %{{.*}}, i32 1, i32 %
// CHECK-NEXT: udiv i32
// CHECK: call {{.*}} inttoptr (i64 1 to ptr)(ptr nonnull @p4wb_udiv128,
// CHECK: call {{.*}} inttoptr (i64 181 to ptr)(i32 128, ptr nonnull @p4wb_udiv128_step,
// CHECK: define internal {{.*}}i64 @p4wb_udiv128_step(i64 %0, ptr
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header w_t { bit<128> a; bit<128> b; bit<32> c; bit<32> d; }
struct hdrs_t { eth_t eth; w_t w; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); pkt.extract(h.w); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        h.w.c = h.w.c / h.w.d;
        h.w.a = h.w.a % h.w.b;
        xout.output_action = xdp_action.XDP_TX;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;
