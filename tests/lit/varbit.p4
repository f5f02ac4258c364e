// varbit<320> options after a fixed header: the length is checked (a multiple of 8, at
// most 320 bits) and the bytes copied with bpf_xdp_load_bytes (helper 189), whose length
// register goes through an empty asm and is checked again right before the call (the
// verifier needs it in [1, 40] in that very register). The tc program uses
// bpf_skb_load_bytes (26) the same way; emit in place costs nothing.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll
// RUN: FileCheck %s < %t.ll
// CHECK: define {{.*}} @p4wb_xdp(
// CHECK: icmp ugt i32 %{{.*}}, 320
// CHECK: [[LEN:%[0-9]+]] = call i64 asm "", "=r,0"(i64
// CHECK: icmp eq i64 [[LEN]], 0
// CHECK: icmp ugt i64 [[LEN]], 40
// CHECK: call i64 inttoptr (i64 189 to ptr)(ptr nonnull %ctx, i64 {{.*}}, ptr {{.*}}, i64 [[LEN]])
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header ip_t { bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len; bit<32> id; bit<32> rest; bit<32> src; bit<32> dst; }
header opts_t { varbit<320> options; }
struct hdrs_t { eth_t eth; ip_t ip; opts_t opts; }

parser p(packet_in pkt, out hdrs_t h) {
    state start {
        pkt.extract(h.eth);
        pkt.extract(h.ip);
        pkt.extract(h.opts, ((bit<32>)h.ip.ihl - 5) * 32);
        transition accept;
    }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply { xout.output_action = xdp_action.XDP_PASS; }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;
