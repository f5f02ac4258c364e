// A parser instantiated and applied inside a parser (a sub-parser) is refused at the
// instance with one clear error, not a crash or a second message at the apply.
// RUN: not %p4wb compile %s -o %t.o 2>&1 | FileCheck %s
// CHECK: fail_subparser.p4:13:{{[0-9]+}}: error: not supported by the xdp architecture: parser instance 'sub' (sub-parsers are not implemented: move its states into this parser)
// CHECK-NOT: error:
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
struct H { eth_t eth; }
parser Sub(packet_in pk, inout H hdr) { state start { transition accept; } }
parser P(packet_in pk, out H hdr) {
    Sub() sub;
    state start { pk.extract(hdr.eth); sub.apply(pk, hdr); transition accept; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) { apply { } }
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); } }
xdp(P(), C(), D()) main;
