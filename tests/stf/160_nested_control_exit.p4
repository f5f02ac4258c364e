// Control flow: control instances inside a control, each with its own counter and table;
// `return` leaves only the instance, `exit` inside an instance stops the outer control
// too, and the instance's inout parameter is still copied back (spec: copy-out happens
// after exit). An instance nested two deep gets the path C.outer.inner.
#include "common.p4"
header h_t { bit<8> k; bit<8> a; bit<8> b; bit<8> c; }
struct H { eth_t eth; h_t h; }
parser P(packet_in pk, out H hdr) { state start { pk.extract(hdr.eth); pk.extract(hdr.h); transition accept; } }
control Leaf(inout bit<8> v, in bit<8> k)(bit<8> stopAt) {
    CounterArray(32w4, false) seen;
    action bump(bit<8> by) { v = v + by; }
    table t { key = { k : exact; } actions = { bump; NoAction; } default_action = NoAction(); }
    apply {
        seen.increment(0);
        v = v + 1;
        if (k == stopAt) { exit; }
        if (k == 9) { return; }
        t.apply();
        v = v + 0x10;
    }
}
control Mid(inout h_t h)(bit<8> stopAt) {
    Leaf(stopAt) inner;
    apply { inner.apply(h.b, h.k); h.c = h.c + 1; }
}
control C(inout H hdr, in xdp_input xin, out xdp_output xout) {
    Leaf(5) first;
    Mid(6) outer;
    apply {
        xout.output_action = xdp_action.XDP_TX;
        first.apply(hdr.h.a, hdr.h.k);
        outer.apply(hdr.h);
        hdr.h.c = hdr.h.c + 0x20;
    }
}
control D(in H hdr, packet_out pk) { apply { pk.emit(hdr.eth); pk.emit(hdr.h); } }
xdp(P(), C(), D()) main;
