// Constructs the xdp back end does not handle yet are errors at their location, not
// crashes.
// RUN: not %p4wb compile %s -o %t.o 2>&1 | FileCheck %s
#include <core.p4>
#include <xdp_model.p4>
match_kind { optional, range }

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header after_t { varbit<32> v; bit<8> tail; }
struct hdrs_t { eth_t eth; after_t after; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); pkt.extract(h.after, 16); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    action a() { xout.output_action = xdp_action.XDP_DROP; }
    table t {
        key = { h.eth.dst : optional; }
        actions = { a; }
    }
    table t2 { key = { h.eth.dst ++ h.eth.src : range; } actions = { a; } }
    apply {
        t.apply();
        h.eth.dst = (bit<48>)((int<48>)h.eth.dst / (int<48>)h.eth.src);
        t2.apply();
    }
}

control d(in hdrs_t h, packet_out pkt) {
    apply { pkt.emit(h.eth); }
}

xdp(p(), c(), d()) main;

// CHECK-DAG: fail_unsupported.p4:13:{{[0-9]+}}: error: not supported by the xdp architecture: a field after the varbit field 'v' of header 'after_t'
// CHECK-DAG: fail_unsupported.p4:19:{{[0-9]+}}: error: not supported by the xdp architecture: match kind 'optional' (exact, lpm, ternary and range are)
// CHECK-DAG: fail_unsupported.p4:22:{{[0-9]+}}: error: not supported by the xdp architecture: a range key wider than 64 bits
// CHECK-DAG: fail_unsupported.p4:25:{{[0-9]+}}: error: not supported by the xdp architecture: '/' on int<48> (P4 defines division and modulo only for unsigned values)
