// ebpfFilter verdicts with a test run (p4wb run). UDP takes the table's default (allow),
// TCP is not accepted, non-IPv4 is rejected by the parser.
// REQUIRES: root
// RUN: %p4wb run %S/ebpf_filter.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 4500001400010000401100000a0000010a000002" | FileCheck %s --check-prefix=UDP
// RUN: %p4wb run %S/ebpf_filter.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 4500001400010000400600000a0000010a000002" | FileCheck %s --check-prefix=TCP
// RUN: %p4wb run %S/ebpf_filter.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 86dd 4500001400010000400600000a0000010a000002" | FileCheck %s --check-prefix=V6

// UDP: verdict: XDP_PASS (2)
// UDP: stages: prs.start prs.ip filt filt.blocked filt.allow accept
// TCP: verdict: XDP_DROP (1)
// TCP: stages: prs.start prs.ip filt reject
// V6: verdict: XDP_DROP (1)
// V6: stages: prs.start prs.reject reject
