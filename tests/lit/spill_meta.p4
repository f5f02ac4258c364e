// Stack bound: 1 KiB of metadata (128 bit<64> fields) does not fit BPF's 512-byte
// stack; the metadata moves to the per-CPU scratch map p4wb_scratch_xdp (one entry,
// looked up at entry) and the program loads and runs.
// RUN: %p4wb compile %s -o %t.o --emit-llvm %t.ll
// RUN: FileCheck %s --check-prefix=IR < %t.ll
// IR: @p4wb_scratch_xdp = {{.*}} section ".maps"
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header data_t { bit<64> f0; bit<64> f1; bit<64> f2; bit<64> f3; bit<64> f4; bit<64> f5; bit<64> f6; bit<64> f7; }
struct hdrs_t { eth_t eth; data_t d; }
struct meta_t {
    bit<64> m0; bit<64> m1; bit<64> m2; bit<64> m3; bit<64> m4; bit<64> m5; bit<64> m6; bit<64> m7;
    bit<64> m8; bit<64> m9; bit<64> m10; bit<64> m11; bit<64> m12; bit<64> m13; bit<64> m14; bit<64> m15;
    bit<64> m16; bit<64> m17; bit<64> m18; bit<64> m19; bit<64> m20; bit<64> m21; bit<64> m22; bit<64> m23;
    bit<64> m24; bit<64> m25; bit<64> m26; bit<64> m27; bit<64> m28; bit<64> m29; bit<64> m30; bit<64> m31;
    bit<64> m32; bit<64> m33; bit<64> m34; bit<64> m35; bit<64> m36; bit<64> m37; bit<64> m38; bit<64> m39;
    bit<64> m40; bit<64> m41; bit<64> m42; bit<64> m43; bit<64> m44; bit<64> m45; bit<64> m46; bit<64> m47;
    bit<64> m48; bit<64> m49; bit<64> m50; bit<64> m51; bit<64> m52; bit<64> m53; bit<64> m54; bit<64> m55;
    bit<64> m56; bit<64> m57; bit<64> m58; bit<64> m59; bit<64> m60; bit<64> m61; bit<64> m62; bit<64> m63;
    bit<64> m64; bit<64> m65; bit<64> m66; bit<64> m67; bit<64> m68; bit<64> m69; bit<64> m70; bit<64> m71;
    bit<64> m72; bit<64> m73; bit<64> m74; bit<64> m75; bit<64> m76; bit<64> m77; bit<64> m78; bit<64> m79;
    bit<64> m80; bit<64> m81; bit<64> m82; bit<64> m83; bit<64> m84; bit<64> m85; bit<64> m86; bit<64> m87;
    bit<64> m88; bit<64> m89; bit<64> m90; bit<64> m91; bit<64> m92; bit<64> m93; bit<64> m94; bit<64> m95;
    bit<64> m96; bit<64> m97; bit<64> m98; bit<64> m99; bit<64> m100; bit<64> m101; bit<64> m102; bit<64> m103;
    bit<64> m104; bit<64> m105; bit<64> m106; bit<64> m107; bit<64> m108; bit<64> m109; bit<64> m110; bit<64> m111;
    bit<64> m112; bit<64> m113; bit<64> m114; bit<64> m115; bit<64> m116; bit<64> m117; bit<64> m118; bit<64> m119;
    bit<64> m120; bit<64> m121; bit<64> m122; bit<64> m123; bit<64> m124; bit<64> m125; bit<64> m126; bit<64> m127;
}

parser p(packet_in pkt, out hdrs_t h) {
    state start { pkt.extract(h.eth); pkt.extract(h.d); transition accept; }
}

control c(inout hdrs_t h, in xdp_input xin, out xdp_output xout) {
    meta_t m;
    apply {
        m.m0 = h.d.f0 ^ 0; m.m1 = h.d.f1 ^ 1; m.m2 = h.d.f2 ^ 2; m.m3 = h.d.f3 ^ 3;
        m.m4 = h.d.f4 ^ 4; m.m5 = h.d.f5 ^ 5; m.m6 = h.d.f6 ^ 6; m.m7 = h.d.f7 ^ 7;
        m.m8 = h.d.f0 ^ 8; m.m9 = h.d.f1 ^ 9; m.m10 = h.d.f2 ^ 10; m.m11 = h.d.f3 ^ 11;
        m.m12 = h.d.f4 ^ 12; m.m13 = h.d.f5 ^ 13; m.m14 = h.d.f6 ^ 14; m.m15 = h.d.f7 ^ 15;
        m.m16 = h.d.f0 ^ 16; m.m17 = h.d.f1 ^ 17; m.m18 = h.d.f2 ^ 18; m.m19 = h.d.f3 ^ 19;
        m.m20 = h.d.f4 ^ 20; m.m21 = h.d.f5 ^ 21; m.m22 = h.d.f6 ^ 22; m.m23 = h.d.f7 ^ 23;
        m.m24 = h.d.f0 ^ 24; m.m25 = h.d.f1 ^ 25; m.m26 = h.d.f2 ^ 26; m.m27 = h.d.f3 ^ 27;
        m.m28 = h.d.f4 ^ 28; m.m29 = h.d.f5 ^ 29; m.m30 = h.d.f6 ^ 30; m.m31 = h.d.f7 ^ 31;
        m.m32 = h.d.f0 ^ 32; m.m33 = h.d.f1 ^ 33; m.m34 = h.d.f2 ^ 34; m.m35 = h.d.f3 ^ 35;
        m.m36 = h.d.f4 ^ 36; m.m37 = h.d.f5 ^ 37; m.m38 = h.d.f6 ^ 38; m.m39 = h.d.f7 ^ 39;
        m.m40 = h.d.f0 ^ 40; m.m41 = h.d.f1 ^ 41; m.m42 = h.d.f2 ^ 42; m.m43 = h.d.f3 ^ 43;
        m.m44 = h.d.f4 ^ 44; m.m45 = h.d.f5 ^ 45; m.m46 = h.d.f6 ^ 46; m.m47 = h.d.f7 ^ 47;
        m.m48 = h.d.f0 ^ 48; m.m49 = h.d.f1 ^ 49; m.m50 = h.d.f2 ^ 50; m.m51 = h.d.f3 ^ 51;
        m.m52 = h.d.f4 ^ 52; m.m53 = h.d.f5 ^ 53; m.m54 = h.d.f6 ^ 54; m.m55 = h.d.f7 ^ 55;
        m.m56 = h.d.f0 ^ 56; m.m57 = h.d.f1 ^ 57; m.m58 = h.d.f2 ^ 58; m.m59 = h.d.f3 ^ 59;
        m.m60 = h.d.f4 ^ 60; m.m61 = h.d.f5 ^ 61; m.m62 = h.d.f6 ^ 62; m.m63 = h.d.f7 ^ 63;
        m.m64 = h.d.f0 ^ 64; m.m65 = h.d.f1 ^ 65; m.m66 = h.d.f2 ^ 66; m.m67 = h.d.f3 ^ 67;
        m.m68 = h.d.f4 ^ 68; m.m69 = h.d.f5 ^ 69; m.m70 = h.d.f6 ^ 70; m.m71 = h.d.f7 ^ 71;
        m.m72 = h.d.f0 ^ 72; m.m73 = h.d.f1 ^ 73; m.m74 = h.d.f2 ^ 74; m.m75 = h.d.f3 ^ 75;
        m.m76 = h.d.f4 ^ 76; m.m77 = h.d.f5 ^ 77; m.m78 = h.d.f6 ^ 78; m.m79 = h.d.f7 ^ 79;
        m.m80 = h.d.f0 ^ 80; m.m81 = h.d.f1 ^ 81; m.m82 = h.d.f2 ^ 82; m.m83 = h.d.f3 ^ 83;
        m.m84 = h.d.f4 ^ 84; m.m85 = h.d.f5 ^ 85; m.m86 = h.d.f6 ^ 86; m.m87 = h.d.f7 ^ 87;
        m.m88 = h.d.f0 ^ 88; m.m89 = h.d.f1 ^ 89; m.m90 = h.d.f2 ^ 90; m.m91 = h.d.f3 ^ 91;
        m.m92 = h.d.f4 ^ 92; m.m93 = h.d.f5 ^ 93; m.m94 = h.d.f6 ^ 94; m.m95 = h.d.f7 ^ 95;
        m.m96 = h.d.f0 ^ 96; m.m97 = h.d.f1 ^ 97; m.m98 = h.d.f2 ^ 98; m.m99 = h.d.f3 ^ 99;
        m.m100 = h.d.f4 ^ 100; m.m101 = h.d.f5 ^ 101; m.m102 = h.d.f6 ^ 102; m.m103 = h.d.f7 ^ 103;
        m.m104 = h.d.f0 ^ 104; m.m105 = h.d.f1 ^ 105; m.m106 = h.d.f2 ^ 106; m.m107 = h.d.f3 ^ 107;
        m.m108 = h.d.f4 ^ 108; m.m109 = h.d.f5 ^ 109; m.m110 = h.d.f6 ^ 110; m.m111 = h.d.f7 ^ 111;
        m.m112 = h.d.f0 ^ 112; m.m113 = h.d.f1 ^ 113; m.m114 = h.d.f2 ^ 114; m.m115 = h.d.f3 ^ 115;
        m.m116 = h.d.f4 ^ 116; m.m117 = h.d.f5 ^ 117; m.m118 = h.d.f6 ^ 118; m.m119 = h.d.f7 ^ 119;
        m.m120 = h.d.f0 ^ 120; m.m121 = h.d.f1 ^ 121; m.m122 = h.d.f2 ^ 122; m.m123 = h.d.f3 ^ 123;
        m.m124 = h.d.f4 ^ 124; m.m125 = h.d.f5 ^ 125; m.m126 = h.d.f6 ^ 126; m.m127 = h.d.f7 ^ 127;
        h.d.f0 = m.m0 + m.m8 + m.m16 + m.m24 + m.m32 + m.m40 + m.m48 + m.m56 + m.m64 + m.m72 + m.m80 + m.m88 + m.m96 + m.m104 + m.m112 + m.m120;
        h.d.f1 = m.m1 + m.m9 + m.m17 + m.m25 + m.m33 + m.m41 + m.m49 + m.m57 + m.m65 + m.m73 + m.m81 + m.m89 + m.m97 + m.m105 + m.m113 + m.m121;
        h.d.f2 = m.m2 + m.m10 + m.m18 + m.m26 + m.m34 + m.m42 + m.m50 + m.m58 + m.m66 + m.m74 + m.m82 + m.m90 + m.m98 + m.m106 + m.m114 + m.m122;
        h.d.f3 = m.m3 + m.m11 + m.m19 + m.m27 + m.m35 + m.m43 + m.m51 + m.m59 + m.m67 + m.m75 + m.m83 + m.m91 + m.m99 + m.m107 + m.m115 + m.m123;
        h.d.f4 = m.m4 + m.m12 + m.m20 + m.m28 + m.m36 + m.m44 + m.m52 + m.m60 + m.m68 + m.m76 + m.m84 + m.m92 + m.m100 + m.m108 + m.m116 + m.m124;
        h.d.f5 = m.m5 + m.m13 + m.m21 + m.m29 + m.m37 + m.m45 + m.m53 + m.m61 + m.m69 + m.m77 + m.m85 + m.m93 + m.m101 + m.m109 + m.m117 + m.m125;
        h.d.f6 = m.m6 + m.m14 + m.m22 + m.m30 + m.m38 + m.m46 + m.m54 + m.m62 + m.m70 + m.m78 + m.m86 + m.m94 + m.m102 + m.m110 + m.m118 + m.m126;
        h.d.f7 = m.m7 + m.m15 + m.m23 + m.m31 + m.m39 + m.m47 + m.m55 + m.m63 + m.m71 + m.m79 + m.m87 + m.m95 + m.m103 + m.m111 + m.m119 + m.m127;
        xout.output_action = xdp_action.XDP_TX;
    }
}

control d(in hdrs_t h, packet_out pkt) { apply { pkt.emit(h); } }

xdp(p(), c(), d()) main;
