// Problems only the BPF code generator notices (here: 72 live 64-bit fields need more
// than the 512 bytes of stack BPF allows) are errors at the P4 place, not crashes.
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
        h.b.f0 = h.b.f0 + h.b.f71; h.b.f1 = h.b.f1 + h.b.f70; h.b.f2 = h.b.f2 + h.b.f69; h.b.f3 = h.b.f3 + h.b.f68;
        h.b.f4 = h.b.f4 + h.b.f67; h.b.f5 = h.b.f5 + h.b.f66; h.b.f6 = h.b.f6 + h.b.f65; h.b.f7 = h.b.f7 + h.b.f64;
        h.b.f8 = h.b.f8 + h.b.f63; h.b.f9 = h.b.f9 + h.b.f62; h.b.f10 = h.b.f10 + h.b.f61; h.b.f11 = h.b.f11 + h.b.f60;
        h.b.f12 = h.b.f12 + h.b.f59; h.b.f13 = h.b.f13 + h.b.f58; h.b.f14 = h.b.f14 + h.b.f57; h.b.f15 = h.b.f15 + h.b.f56;
        h.b.f16 = h.b.f16 + h.b.f55; h.b.f17 = h.b.f17 + h.b.f54; h.b.f18 = h.b.f18 + h.b.f53; h.b.f19 = h.b.f19 + h.b.f52;
        h.b.f20 = h.b.f20 + h.b.f51; h.b.f21 = h.b.f21 + h.b.f50; h.b.f22 = h.b.f22 + h.b.f49; h.b.f23 = h.b.f23 + h.b.f48;
        h.b.f24 = h.b.f24 + h.b.f47; h.b.f25 = h.b.f25 + h.b.f46; h.b.f26 = h.b.f26 + h.b.f45; h.b.f27 = h.b.f27 + h.b.f44;
        h.b.f28 = h.b.f28 + h.b.f43; h.b.f29 = h.b.f29 + h.b.f42; h.b.f30 = h.b.f30 + h.b.f41; h.b.f31 = h.b.f31 + h.b.f40;
        h.b.f32 = h.b.f32 + h.b.f39; h.b.f33 = h.b.f33 + h.b.f38; h.b.f34 = h.b.f34 + h.b.f37; h.b.f35 = h.b.f35 + h.b.f36;
        h.b.f36 = h.b.f36 + h.b.f35; h.b.f37 = h.b.f37 + h.b.f34; h.b.f38 = h.b.f38 + h.b.f33; h.b.f39 = h.b.f39 + h.b.f32;
        h.b.f40 = h.b.f40 + h.b.f31; h.b.f41 = h.b.f41 + h.b.f30; h.b.f42 = h.b.f42 + h.b.f29; h.b.f43 = h.b.f43 + h.b.f28;
        h.b.f44 = h.b.f44 + h.b.f27; h.b.f45 = h.b.f45 + h.b.f26; h.b.f46 = h.b.f46 + h.b.f25; h.b.f47 = h.b.f47 + h.b.f24;
        h.b.f48 = h.b.f48 + h.b.f23; h.b.f49 = h.b.f49 + h.b.f22; h.b.f50 = h.b.f50 + h.b.f21; h.b.f51 = h.b.f51 + h.b.f20;
        h.b.f52 = h.b.f52 + h.b.f19; h.b.f53 = h.b.f53 + h.b.f18; h.b.f54 = h.b.f54 + h.b.f17; h.b.f55 = h.b.f55 + h.b.f16;
        h.b.f56 = h.b.f56 + h.b.f15; h.b.f57 = h.b.f57 + h.b.f14; h.b.f58 = h.b.f58 + h.b.f13; h.b.f59 = h.b.f59 + h.b.f12;
        h.b.f60 = h.b.f60 + h.b.f11; h.b.f61 = h.b.f61 + h.b.f10; h.b.f62 = h.b.f62 + h.b.f9; h.b.f63 = h.b.f63 + h.b.f8;
        h.b.f64 = h.b.f64 + h.b.f7; h.b.f65 = h.b.f65 + h.b.f6; h.b.f66 = h.b.f66 + h.b.f5; h.b.f67 = h.b.f67 + h.b.f4;
        h.b.f68 = h.b.f68 + h.b.f3; h.b.f69 = h.b.f69 + h.b.f2; h.b.f70 = h.b.f70 + h.b.f1; h.b.f71 = h.b.f71 + h.b.f0;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;

// CHECK: fail_bpf_codegen.p4:{{[0-9]+}}:{{[0-9]+}}: error: the BPF back end cannot generate this: Looks like the BPF stack limit is exceeded
