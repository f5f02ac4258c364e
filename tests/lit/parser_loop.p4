// A parser state that can be entered again counts its entries (an i64 through an empty
// asm, so LLVM cannot prove the limit unreachable from the bit<8> counter and drop it)
// and rejects on the 257th: the verifier sees the loop bounded.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll
// RUN: FileCheck %s < %t.ll
// CHECK: define {{.*}} @p4wb_xdp(
// CHECK: [[N:%[0-9]+]] = call i64 asm "", "=r,0"(i64
// CHECK: icmp ugt i64 [[N]], 256
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header n_t { bit<8> n; }
struct hdrs_t { eth_t eth; n_t n; }

parser p(packet_in pkt, out hdrs_t h) {
    bit<8> left;
    state start { pkt.extract(h.eth); pkt.extract(h.n); left = h.n.n; transition select(left) { 0: accept; default: skip; } }
    state skip { pkt.advance(8); left = left - 1; transition select(left) { 0: accept; default: skip; } }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply { xout.output_action = xdp_action.XDP_PASS; }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;
