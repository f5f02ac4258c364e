// Conditional emit: the tag header leaves only when its `keep` byte is 1 (the head is
// rebuilt). basic_fwd, whose emitted headers are the parsed ones, keeps the fast path:
// no helper resizes its packet.
// RUN: %p4wb compile %s -o %t.o
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t.b.o --emit-llvm %t.ll
// RUN: FileCheck %s --check-prefix=FAST < %t.ll
// FAST-NOT: inttoptr (i64 44 to ptr)
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header tag_t { bit<8> keep; bit<8> v; }
struct hdrs_t { eth_t eth; tag_t tag; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); pkt.extract(h.tag); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply { h.tag.v = h.tag.v + 1; xout.output_action = xdp_action.XDP_TX; }
}

control d(in hdrs_t h, packet_out pkt) {
    apply {
        pkt.emit(h.eth);
        if (h.tag.keep == 1) { pkt.emit(h.tag); }
    }
}

xdp(p(), c(), d()) main;
