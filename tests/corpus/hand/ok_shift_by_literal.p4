// shifts by a literal amount
#include "harness.p4"
control Impl() {
  apply { bit<16> a = 1; a = a << 3; a = a >> 2; }
}
Test(Impl()) main;
