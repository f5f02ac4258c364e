// With -Werror an unused local fails the check.
// RUN: not %p4wb check -Werror %s 2>&1 | FileCheck %s
#include <core.p4>
control Ctl();
package Pkg(Ctl c);
control Impl() {
  apply {
    bit<8> unused_one;
  }
}
Pkg(Impl()) main;
// CHECK: fail_check_unused_werror.p4:8:12: error: variable 'unused_one' is declared but never used [-Werror,-Wunused-variable]
