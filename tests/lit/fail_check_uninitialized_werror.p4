// With -Werror a possibly uninitialized read fails the check.
// RUN: not %p4wb check -Werror %s 2>&1 | FileCheck %s
#include <core.p4>
control Ctl();
package Pkg(Ctl c);
control Impl() {
  apply {
    bit<8> x;
    bit<8> y = x + 1;
    if (y == 2) { x = 1; }
  }
}
Pkg(Impl()) main;
// CHECK: fail_check_uninitialized_werror.p4:9:16: error: 'x' may be uninitialized [-Werror,-Wuninitialized-use]
