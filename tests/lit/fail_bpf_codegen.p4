// Problems only the BPF code generator notices (here: 72 64-bit locals live at once
// need more than the 512 bytes of stack BPF allows; only structs of 64 bytes or more
// move to the scratch map) are errors at the P4 place, not crashes.
// RUN: not %p4wb compile %s -o %t.o 2>&1 | FileCheck %s
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header big_t {
    bit<64> f0; bit<64> f1; bit<64> f2; bit<64> f3; bit<64> f4; bit<64> f5; bit<64> f6; bit<64> f7;
    bit<64> f8; bit<64> f9; bit<64> f10; bit<64> f11; bit<64> f12; bit<64> f13; bit<64> f14; bit<64> f15;
    bit<64> f16; bit<64> f17; bit<64> f18; bit<64> f19; bit<64> f20; bit<64> f21; bit<64> f22; bit<64> f23;
    bit<64> f24; bit<64> f25; bit<64> f26; bit<64> f27; bit<64> f28; bit<64> f29; bit<64> f30; bit<64> f31;
    bit<64> f32; bit<64> f33; bit<64> f34; bit<64> f35; bit<64> f36; bit<64> f37; bit<64> f38; bit<64> f39;
    bit<64> f40; bit<64> f41; bit<64> f42; bit<64> f43; bit<64> f44; bit<64> f45; bit<64> f46; bit<64> f47;
    bit<64> f48; bit<64> f49; bit<64> f50; bit<64> f51; bit<64> f52; bit<64> f53; bit<64> f54; bit<64> f55;
    bit<64> f56; bit<64> f57; bit<64> f58; bit<64> f59; bit<64> f60; bit<64> f61; bit<64> f62; bit<64> f63;
    bit<64> f64; bit<64> f65; bit<64> f66; bit<64> f67; bit<64> f68; bit<64> f69; bit<64> f70; bit<64> f71;
}
struct hdrs_t { eth_t eth; big_t b; }

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); pkt.extract(h.b); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    apply {
        bit<64> l0 = h.b.f0 * 3; bit<64> l1 = h.b.f1 * 3; bit<64> l2 = h.b.f2 * 3; bit<64> l3 = h.b.f3 * 3;
        bit<64> l4 = h.b.f4 * 3; bit<64> l5 = h.b.f5 * 3; bit<64> l6 = h.b.f6 * 3; bit<64> l7 = h.b.f7 * 3;
        bit<64> l8 = h.b.f8 * 3; bit<64> l9 = h.b.f9 * 3; bit<64> l10 = h.b.f10 * 3; bit<64> l11 = h.b.f11 * 3;
        bit<64> l12 = h.b.f12 * 3; bit<64> l13 = h.b.f13 * 3; bit<64> l14 = h.b.f14 * 3; bit<64> l15 = h.b.f15 * 3;
        bit<64> l16 = h.b.f16 * 3; bit<64> l17 = h.b.f17 * 3; bit<64> l18 = h.b.f18 * 3; bit<64> l19 = h.b.f19 * 3;
        bit<64> l20 = h.b.f20 * 3; bit<64> l21 = h.b.f21 * 3; bit<64> l22 = h.b.f22 * 3; bit<64> l23 = h.b.f23 * 3;
        bit<64> l24 = h.b.f24 * 3; bit<64> l25 = h.b.f25 * 3; bit<64> l26 = h.b.f26 * 3; bit<64> l27 = h.b.f27 * 3;
        bit<64> l28 = h.b.f28 * 3; bit<64> l29 = h.b.f29 * 3; bit<64> l30 = h.b.f30 * 3; bit<64> l31 = h.b.f31 * 3;
        bit<64> l32 = h.b.f32 * 3; bit<64> l33 = h.b.f33 * 3; bit<64> l34 = h.b.f34 * 3; bit<64> l35 = h.b.f35 * 3;
        bit<64> l36 = h.b.f36 * 3; bit<64> l37 = h.b.f37 * 3; bit<64> l38 = h.b.f38 * 3; bit<64> l39 = h.b.f39 * 3;
        bit<64> l40 = h.b.f40 * 3; bit<64> l41 = h.b.f41 * 3; bit<64> l42 = h.b.f42 * 3; bit<64> l43 = h.b.f43 * 3;
        bit<64> l44 = h.b.f44 * 3; bit<64> l45 = h.b.f45 * 3; bit<64> l46 = h.b.f46 * 3; bit<64> l47 = h.b.f47 * 3;
        bit<64> l48 = h.b.f48 * 3; bit<64> l49 = h.b.f49 * 3; bit<64> l50 = h.b.f50 * 3; bit<64> l51 = h.b.f51 * 3;
        bit<64> l52 = h.b.f52 * 3; bit<64> l53 = h.b.f53 * 3; bit<64> l54 = h.b.f54 * 3; bit<64> l55 = h.b.f55 * 3;
        bit<64> l56 = h.b.f56 * 3; bit<64> l57 = h.b.f57 * 3; bit<64> l58 = h.b.f58 * 3; bit<64> l59 = h.b.f59 * 3;
        bit<64> l60 = h.b.f60 * 3; bit<64> l61 = h.b.f61 * 3; bit<64> l62 = h.b.f62 * 3; bit<64> l63 = h.b.f63 * 3;
        bit<64> l64 = h.b.f64 * 3; bit<64> l65 = h.b.f65 * 3; bit<64> l66 = h.b.f66 * 3; bit<64> l67 = h.b.f67 * 3;
        bit<64> l68 = h.b.f68 * 3; bit<64> l69 = h.b.f69 * 3; bit<64> l70 = h.b.f70 * 3; bit<64> l71 = h.b.f71 * 3;
        h.b.f0 = l71; h.b.f1 = l70; h.b.f2 = l69; h.b.f3 = l68; h.b.f4 = l67; h.b.f5 = l66;
        h.b.f6 = l65; h.b.f7 = l64; h.b.f8 = l63; h.b.f9 = l62; h.b.f10 = l61; h.b.f11 = l60;
        h.b.f12 = l59; h.b.f13 = l58; h.b.f14 = l57; h.b.f15 = l56; h.b.f16 = l55; h.b.f17 = l54;
        h.b.f18 = l53; h.b.f19 = l52; h.b.f20 = l51; h.b.f21 = l50; h.b.f22 = l49; h.b.f23 = l48;
        h.b.f24 = l47; h.b.f25 = l46; h.b.f26 = l45; h.b.f27 = l44; h.b.f28 = l43; h.b.f29 = l42;
        h.b.f30 = l41; h.b.f31 = l40; h.b.f32 = l39; h.b.f33 = l38; h.b.f34 = l37; h.b.f35 = l36;
        h.b.f36 = l35; h.b.f37 = l34; h.b.f38 = l33; h.b.f39 = l32; h.b.f40 = l31; h.b.f41 = l30;
        h.b.f42 = l29; h.b.f43 = l28; h.b.f44 = l27; h.b.f45 = l26; h.b.f46 = l25; h.b.f47 = l24;
        h.b.f48 = l23; h.b.f49 = l22; h.b.f50 = l21; h.b.f51 = l20; h.b.f52 = l19; h.b.f53 = l18;
        h.b.f54 = l17; h.b.f55 = l16; h.b.f56 = l15; h.b.f57 = l14; h.b.f58 = l13; h.b.f59 = l12;
        h.b.f60 = l11; h.b.f61 = l10; h.b.f62 = l9; h.b.f63 = l8; h.b.f64 = l7; h.b.f65 = l6;
        h.b.f66 = l5; h.b.f67 = l4; h.b.f68 = l3; h.b.f69 = l2; h.b.f70 = l1; h.b.f71 = l0;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;

// CHECK: fail_bpf_codegen.p4:{{[0-9]+}}:{{[0-9]+}}: error: the BPF back end cannot generate this: Looks like the BPF stack limit is exceeded
