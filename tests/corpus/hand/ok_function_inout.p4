// a function with an inout parameter and an early return
#include "harness.p4"
bit<8> clamp(inout bit<8> v) {
  if (v > 10) { v = 10; return 1; }
  return 0;
}
control Impl() {
  apply { bit<8> x = 20; bit<8> r = clamp(x); }
}
Test(Impl()) main;
