// Header stack behaviour: one tag gets pcp 7, two tags get the inner vid rewritten,
// three tags overflow the stack and the parser drops the frame.
// REQUIRES: root
// RUN: %p4wb run %S/header_stack.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 8100 0005 0800 4500" | FileCheck %s --check-prefix=ONE
// RUN: %p4wb run %S/header_stack.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 8100 0005 8100 0006 0800 4500" | FileCheck %s --check-prefix=TWO
// RUN: %p4wb run %S/header_stack.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 8100 0005 8100 0006 8100 0007 0800" | FileCheck %s --check-prefix=THREE

// ONE: verdict: XDP_TX (3)
// ONE: aa aa aa aa aa aa bb bb bb bb bb bb 81 00 e0 05
// TWO: verdict: XDP_TX (3)
// TWO: aa aa aa aa aa aa bb bb bb bb bb bb 81 00 00 05
// TWO-NEXT: 81 00 00 64 08 00 45 00
// THREE: verdict: XDP_DROP (1)
