// ternary.p4 in the kernel: the verifier accepts the bpf_loop scan, the runtime keeps
// slots sorted by priority and the best matching entry wins; const entries with masks
// and `_` are installed at load with their order as priority.
// REQUIRES: root
// RUN: %p4wb stf %S/ternary.p4 %S/Inputs/ternary.stf | FileCheck %s --check-prefix=STF
// RUN: %p4wb run %S/ternary.p4 "020000000002 020000000001 0800 4500001c000000004011 66cf 0a000001 0a090909 04d2005000080000" | FileCheck %s --check-prefix=MISS

// STF: 6 passed, 0 failed

// An empty acl misses: its default action drops.
// MISS: verdict: XDP_DROP (1)
