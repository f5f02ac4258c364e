// Runs spill_meta.p4 (metadata in the per-CPU scratch map) with f_j = j + 1:
// out_j = sum over t of ((f_(j%8)) ^ (j + 8t)), 16 terms.
// REQUIRES: root
// RUN: %p4wb run %S/spill_meta.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 00000000000000010000000000000002000000000000000300000000000000040000000000000005000000000000000600000000000000070000000000000008" | FileCheck %s

// CHECK: verdict: XDP_TX (3)
// CHECK-NEXT: output:
// CHECK-NEXT: aa aa aa aa aa aa bb bb bb bb bb bb 08 00 00 00
// CHECK-NEXT: 00 00 00 00 03 d0 00 00 00 00 00 00 03 f0 00 00
// CHECK-NEXT: 00 00 00 00 03 d0 00 00 00 00 00 00 04 30 00 00
