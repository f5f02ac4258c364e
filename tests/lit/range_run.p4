// range.p4 in the kernel: ranges with largest_priority_wins = false (smallest wins),
// initial entries with explicit priorities and priority_delta, a bmv2 `lo->hi` range.
// REQUIRES: root
// RUN: %p4wb stf %S/range.p4 %S/Inputs/range.stf | FileCheck %s

// CHECK: 5 passed, 0 failed
