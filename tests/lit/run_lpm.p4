// lpm.p4 in the kernel: the LPM_TRIE loads, the runtime writes prefixes into it and the
// longest prefix wins (STF through BPF_PROG_TEST_RUN); an empty table misses.
// REQUIRES: root
// RUN: %p4wb stf %S/lpm.p4 %S/Inputs/lpm.stf | FileCheck %s --check-prefix=STF
// RUN: %p4wb run %S/lpm.p4 "020000000002 020000000001 0800 4500001c000000004011 66cf 0a000001 0a090909 04d2005000080000" | FileCheck %s --check-prefix=MISS

// STF: 5 passed, 0 failed

// MISS: verdict: XDP_DROP (1)
// MISS: stages: prs.start prs.parse_ipv4 ingress ingress.routes ingress.drop dprs XDP_DROP
