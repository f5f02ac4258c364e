// Runs emit_cond.p4: keep = 1 keeps the (changed) tag, keep = 0 removes it.
// REQUIRES: root
// RUN: %p4wb run %S/emit_cond.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 0105 eeee" | FileCheck %s --check-prefix=KEEP
// RUN: %p4wb run %S/emit_cond.p4 "aaaaaaaaaaaa bbbbbbbbbbbb 0800 0005 eeee" | FileCheck %s --check-prefix=DROPTAG

// KEEP: aa aa aa aa aa aa bb bb bb bb bb bb 08 00 01 06
// KEEP-NEXT: ee ee
// DROPTAG: aa aa aa aa aa aa bb bb bb bb bb bb 08 00 ee ee
// DROPTAG-NEXT: stages:
