// Unused locals are warnings with a flag; -Wno-unused-variable drops them.
// RUN: %p4wb check %s 2>&1 | FileCheck %s
// RUN: %p4wb check -Wno-unused-variable %s 2>&1 | FileCheck %s --allow-empty --check-prefix=QUIET
#include <core.p4>
control Ctl();
package Pkg(Ctl c);
control Impl() {
  apply {
    bit<8> unused_one;
  }
}
Pkg(Impl()) main;
// CHECK: check_unused.p4:9:12: warning: variable 'unused_one' is declared but never used [-Wunused-variable]
// QUIET-NOT: warning
