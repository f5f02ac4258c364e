// Runs emit_vxlan.p4 on a plain IPv4 frame (encap) and on a VXLAN frame (decap).
// REQUIRES: root
// RUN: %p4wb run %S/emit_vxlan.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 45000020000100004006 0000 0a000001 0a000002 dead" | FileCheck %s --check-prefix=ENCAP
// RUN: %p4wb run %S/emit_vxlan.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 45000020000100004011 0000 0a000001 0a000002 04d2 12b5 0018 0000 08000000 00002a00 cccccccccccc dddddddddddd 0800 4500" | FileCheck %s --check-prefix=DECAP

// ENCAP: verdict: XDP_TX (3)
// ENCAP-NEXT: output:
// ENCAP-NEXT: 02 00 00 00 00 02 02 00 00 00 00 01 08 00 45 00
// ENCAP-NEXT: 00 52 00 00 00 00 40 11 00 00 0a 00 00 01 0a 00
// ENCAP-NEXT: 00 02 04 d2 12 b5 00 3e 00 00 08 00 00 00 00 00
// ENCAP-NEXT: 2a 00 aa aa aa aa aa aa bb bb bb bb bb bb 08 00
// ENCAP-NEXT: 45 00 00 20 00 01 00 00 40 06 00 00 0a 00 00 01
// ENCAP-NEXT: 0a 00 00 02 de ad
// DECAP: verdict: XDP_TX (3)
// DECAP-NEXT: output:
// DECAP-NEXT: cc cc cc cc cc cc dd dd dd dd dd dd 08 00 45 00
// DECAP-NEXT: stages:
