// basic_fwd without counters matches the hand-written C (issue 7): etherType is one u16
// load compared with the swapped constant (no mask), the IPv4 destination is one u32 load
// stored as the key, and the action copies its parameters without spilling them.
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t.o --emit-asm %t.s --no-stage-counters
// RUN: FileCheck %s < %t.s
// RUN: FileCheck %s --check-prefix=NEG < %t.s

// CHECK: p4wb_xdp:
// CHECK: [[ET:w[0-9]+]] = *(u16 *)(r6 + 12)
// CHECK: if [[ET]] != 8 goto
// CHECK: [[DST:w[0-9]+]] = *(u32 *)(r6 + 30)
// CHECK: *(u32 *)(r10 - 8) = [[DST]]
// CHECK: ; ingress_ipv4_fwd
// CHECK: exit

// NEG-NOT: &= 65535
// NEG-NOT: *(u8 *)(r6 + 30)
// NEG-NOT: *(u32 *)(r10 - 16)
// NEG-NOT: *(u32 *)(r10 - 24)
// NEG-NOT: (r10 - 12)
