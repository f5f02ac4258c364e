// Action parameters are read from the table value byte by byte, so a parameter copied
// into a packet field compiles to byte loads and byte stores (like memcpy in C) instead
// of assembling a 48-bit integer with byte swaps and shifting it apart again.
// RUN: %p4wb compile %examples/basic_fwd.p4 -o %t.o --no-stage-counters --emit-asm %t.s
// RUN: FileCheck %s < %t.s

// CHECK: p4wb_xdp:
// CHECK: ; ingress_ipv4_fwd
// CHECK-NOT: be64
// CHECK-NOT: be32
// CHECK-NOT: be16
// CHECK: = *(u8 *)(r0 + 15)
// CHECK-NOT: be64
// CHECK: *(u8 *)(r6 + 11) = w
// CHECK: exit
