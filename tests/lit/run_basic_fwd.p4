// basic_fwd.p4 through BPF_PROG_TEST_RUN with empty tables: IPv4 misses and passes,
// non-IPv4 passes without touching the table, a truncated IPv4 header is rejected by
// the parser and dropped.
// REQUIRES: root
// RUN: %p4wb run %examples/basic_fwd.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 4500001400010000401100000a0000010a000002" | FileCheck %s --check-prefix=IPV4
// RUN: %p4wb run %examples/basic_fwd.p4 "ffffffffffff bbbbbbbbbbbb 0806 0001080006040001" | FileCheck %s --check-prefix=ARP
// RUN: %p4wb run %examples/basic_fwd.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 45000014" | FileCheck %s --check-prefix=SHORTIP

// IPV4: verdict: XDP_PASS (2)
// IPV4: stages: prs.start prs.parse_ipv4 ingress ingress.ipv4_fwd ingress.pass_to_kernel dprs XDP_PASS

// ARP: verdict: XDP_PASS (2)
// ARP: stages: prs.start ingress dprs XDP_PASS

// SHORTIP: verdict: XDP_DROP (1)
// SHORTIP: stages: prs.start prs.reject.PacketTooShort prs.parse_ipv4 prs.reject XDP_DROP
