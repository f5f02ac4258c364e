// Runs emit_vlan.p4: push a tag on an untagged frame, pop it from a tagged one.
// REQUIRES: root
// RUN: %p4wb run %S/emit_vlan.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 4500 0014 ffff" | FileCheck %s --check-prefix=PUSH
// RUN: %p4wb run %S/emit_vlan.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 8100 6005 0800 4500 0014 ffff" | FileCheck %s --check-prefix=POP
// RUN: %p4wb run %S/emit_vlan.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 8100 6005 0806 ffff" | FileCheck %s --check-prefix=POPNOIP

// PUSH: verdict: XDP_TX (3)
// PUSH-NEXT: output:
// PUSH-NEXT: aa aa aa aa aa aa bb bb bb bb bb bb 81 00 60 05
// PUSH-NEXT: 08 00 45 00 00 14 ff ff
// POP: verdict: XDP_TX (3)
// POP-NEXT: output:
// POP-NEXT: aa aa aa aa aa aa bb bb bb bb bb bb 08 00 45 00
// POP-NEXT: 00 14 ff ff
// POP-NEXT: stages:
// POPNOIP: aa aa aa aa aa aa bb bb bb bb bb bb 08 06 ff ff
// POPNOIP-NEXT: stages:
