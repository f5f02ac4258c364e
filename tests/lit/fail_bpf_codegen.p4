// Problems only the BPF code generator notices (here: 128-bit multiplication needs a
// library call BPF does not have) are errors at the P4 place, not crashes.
// RUN: not %p4wb compile %s -o %t.o 2>&1 | FileCheck %s
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header big_t { bit<128> a; bit<128> b; }
struct hdrs_t { eth_t eth; big_t big; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); pkt.extract(h.big); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply { h.big.a = h.big.a * h.big.b; }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;

// CHECK: fail_bpf_codegen.p4:16:{{[0-9]+}}: error: the BPF back end cannot generate this: A call to built-in function '__multi3' is not supported.
