// A parser instantiated in a parser and applied from a state is inlined there: its states
// are stages named by the instance (p.sub.start), its accept continues the calling state.
// RUN: %p4wb compile %s -o %t.o --emit-schema %t.json
// RUN: FileCheck %s < %t.json
// CHECK: "name": "p.start"
// CHECK: "name": "p.sub.start"
// CHECK: "name": "p.sub.more"
// CHECK: "name": "p.after"
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header t_t { bit<8> t; }
struct H { eth_t eth; t_t a; t_t b; }
parser Sub(packet_in pk, inout H hdr) {
    state start { pk.extract(hdr.a); transition select(hdr.a.t) { 0: accept; default: more; } }
    state more { pk.extract(hdr.b); transition accept; }
}
parser p(packet_in pk, out H hdr) {
    Sub() sub;
    state start { pk.extract(hdr.eth); sub.apply(pk, hdr); transition after; }
    state after { transition accept; }
}
control c(inout H hdr, in xdp_input xin, out xdp_output xout) { apply { } }
control d(in H hdr, packet_out pk) { apply { pk.emit(hdr); } }
xdp(p(), c(), d()) main;
