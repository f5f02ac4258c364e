// Carets underline the whole expression: both operands of a bad binary expression,
// the whole argument, the whole call.
// RUN: not %p4wb check %s 2>&1 | FileCheck %s --strict-whitespace
#include <core.p4>
control Ctl();
package Pkg(Ctl c);
extern bit<8> f(in bit<8> a);
control Impl() {
  apply {
    bit<8> a = 1;
    bit<16> b = 2;
    bit<8> w = (a + b) + 1;
    bit<8> d = f(a == 1);
    bit<8> e = f(a, a);
  }
}
Pkg(Impl()) main;
// CHECK: fail_check_ranges.p4:12:19: error: width mismatch in '+': bit<8> and bit<16>
// CHECK-NEXT: {{^}}    bit<8> w = (a + b) + 1;
// CHECK-NEXT: {{^}}                ~~^~~{{$}}
// CHECK: fail_check_ranges.p4:13:20: error: argument 'a' of 'f': cannot convert bool to bit<8>
// CHECK-NEXT: {{^}}    bit<8> d = f(a == 1);
// CHECK-NEXT: {{^}}                 ~~^~~~{{$}}
// CHECK: fail_check_ranges.p4:14:16: error: no overload of 'f' takes 2 arguments
// CHECK-NEXT: {{^}}    bit<8> e = f(a, a);
// CHECK-NEXT: {{^}}               ^~~~~~~{{$}}
