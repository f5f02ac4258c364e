// -Wuninitialized-use / -Wuninitialized-out-param in clang style; the group flag
// -Wno-uninitialized drops both (and the note).
// RUN: %p4wb check %s 2>&1 | FileCheck %s
// RUN: %p4wb check -Wno-uninitialized %s 2>&1 | FileCheck %s --allow-empty --check-prefix=QUIET
#include <core.p4>
control Ctl(out bit<8> v);
package Pkg(Ctl c);
control Impl(out bit<8> v) {
  apply {
    bit<8> x;
    bit<8> y = x + 1;
    if (y == 2) { v = y; }
  }
}
Pkg(Impl()) main;
// CHECK: check_uninitialized.p4:11:16: warning: 'x' may be uninitialized [-Wuninitialized-use]
// CHECK-NEXT: {{^}}    bit<8> y = x + 1;
// CHECK-NEXT: {{^}}               ^{{$}}
// CHECK: check_uninitialized.p4:8:25: warning: out parameter 'v' may be uninitialized when 'Impl' terminates [-Wuninitialized-out-param]
// CHECK: check_uninitialized.p4:8:9: note: control 'Impl' is declared here
// QUIET-NOT: warning
// QUIET-NOT: note
