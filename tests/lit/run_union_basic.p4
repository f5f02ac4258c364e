// Runs union_basic.p4: v4 -> v6 replacement, v6 in place, no member valid -> drop.
// REQUIRES: root
// RUN: %p4wb run %S/union_basic.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 01020304 ffff" | FileCheck %s --check-prefix=V4
// RUN: %p4wb run %S/union_basic.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 86dd 0001000200000003 ffff" | FileCheck %s --check-prefix=V6
// RUN: %p4wb run %S/union_basic.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 9999 ffff" | FileCheck %s --check-prefix=NONE

// V4: aa aa aa aa aa aa bb bb bb bb bb bb 86 dd 66 66
// V4-NEXT: 77 77 12 34 56 78 ff ff
// V6: aa aa aa aa aa aa bb bb bb bb bb bb 86 dd 00 01
// V6-NEXT: 00 02 00 00 00 04 ff ff
// NONE: verdict: XDP_DROP (1)
