// Exercises more of the P4_16 front end on the xdp architecture: newtypes, tuples,
// varbit, header unions, generic structs, functions, sub-parsers, value sets, inner
// controls, switch on values, struct initializers, static_assert.
#include <core.p4>
#include <xdp_model.p4>

type bit<32> PortId_t;
typedef tuple<bit<8>, bool> pair_t;
header opt_t { bit<8> kind; varbit<320> data; }
header a_t { bit<8> x; }
header b_t { bit<16> y; }
header_union ab_t { a_t a; b_t b; }
struct Gen<T> { T val; }
struct meta_t { bit<8> n; error err; Gen<bit<8>> g; }
struct hdrs { a_t[4] stack; ab_t u; opt_t opt; }

bit<8> twice(in bit<8> v) { return v + v; }

parser sub(packet_in pkt, inout hdrs h) {
    state start { pkt.extract(h.u.a); transition accept; }
}

parser p(packet_in pkt, out hdrs h) {
    sub() subp;
    value_set<bit<8>>(4) kinds;
    state start {
        transition select(pkt.lookahead<bit<8>>()) {
            kinds: opts;
            0 .. 3: stack;
            default: callsub;
        }
    }
    state opts {
        pkt.extract(h.opt, 32w16);
        transition accept;
    }
    state stack {
        pkt.extract(h.stack.next);
        transition select(h.stack.last.x) { 0: accept; default: stack; }
    }
    state callsub {
        subp.apply(pkt, h);
        pkt.advance(32w8);
        transition accept;
    }
}

control inner(inout hdrs h) {
    apply { h.stack.push_front(1); }
}

control sw(inout hdrs h, in xdp_input i, out xdp_output o) {
    inner() in1;
    meta_t m;
    pair_t pr = { 8w1, true };
    action set(bit<8> v) { h.stack[0].x = twice(v); }
    table t {
        key = { h.stack[0].x : ternary; h.u.a.x : lpm; }
        actions = { set; NoAction; }
        default_action = NoAction();
        entries = {
            (8w1 &&& 8w0xF, 8w2) : set(3);
            (1 .. 9, _) : NoAction();
        }
        size = 1 << 4;
    }
    apply {
        m.err = error.NoError;
        m.g.val = 8w3;
        m.n = m.g.val |-| 8w1;
        h.u.a.x[3:0] = 4w1;
        PortId_t port = (PortId_t)32w5;
        o.output_port = (bit<32>)port;
        o.output_action = xdp_action.XDP_PASS;
        in1.apply(h);
        switch (h.stack[0].x) {
            1: { o.output_action = xdp_action.XDP_DROP; }
            2:
            3: { exit; }
        }
        if (!t.apply().miss) { h.u.b.setValid(); }
        h.stack[1] = { 8w7 };
        bool flag = pr[1];
        flag = !flag;
        bit<8> z = 8w255;
        z = z >> 1 << 1;
        static_assert(8 == 8, "ok");
    }
}

control dp(in hdrs h, packet_out pkt) {
    apply { pkt.emit(h); }
}

xdp(p(), sw(), dp()) main;
