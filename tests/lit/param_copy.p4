// Action parameters are read from the table value in aligned chunks and written to the
// packet in the chunks of the header's natural alignment, so a parameter copied into a
// packet field compiles to a few wide loads and stores (like memcpy in C) whose byte
// swaps cancel, instead of assembling a 48-bit integer and shifting it apart again.
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t.o --no-stage-counters --emit-asm %t.s
// RUN: FileCheck %s < %t.s

// CHECK: p4wb_xdp:
// CHECK: ; ingress_ipv4_fwd
// CHECK-NOT: be64
// CHECK-NOT: be32
// CHECK-NOT: be16
// CHECK: = *(u16 *)(r0 + 8)
// CHECK-NOT: be64
// CHECK: *(u32 *)(r6 + 8) = w
// CHECK: exit
