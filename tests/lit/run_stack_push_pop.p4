// Runs stack_push_pop.p4 on a frame with two MPLS labels.
// REQUIRES: root
// RUN: %p4wb run %S/stack_push_pop.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 8847 0100 00001040 00002140 ffff" | FileCheck %s --check-prefix=PUSH
// RUN: %p4wb run %S/stack_push_pop.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 8847 0200 00001040 00002140 ffff" | FileCheck %s --check-prefix=POP
// RUN: %p4wb run %S/stack_push_pop.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 8847 0301 00001040 00002140 ffff" | FileCheck %s --check-prefix=INDEX
// RUN: %p4wb run %S/stack_push_pop.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 8847 0307 00001040 00002140 ffff" | FileCheck %s --check-prefix=RANGE

// PUSH: aa aa aa aa aa aa bb bb bb bb bb bb 88 47 01 00
// PUSH-NEXT: 00 06 30 40 00 00 10 40 00 00 21 40 ff ff
// POP: aa aa aa aa aa aa bb bb bb bb bb bb 88 47 02 00
// POP-NEXT: 00 00 21 40 ff ff
// INDEX: aa aa aa aa aa aa bb bb bb bb bb bb 88 47 03 01
// INDEX-NEXT: 00 00 10 40 00 00 21 3f ff ff
// RANGE: output (unchanged):
