// A type error is reported by `p4wb check` with its place and a non-zero exit.
// RUN: not %p4wb check %s 2>&1 | FileCheck %s
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
struct hdrs_t { eth_t eth; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply { h.eth.type = h.eth.nosuchfield; }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h.eth); } }

xdp(p(), c(), d()) main;

// CHECK: fail_check.p4:14:{{[0-9]+}}: error: no field 'nosuchfield'
