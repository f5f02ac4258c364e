// a function with a return value and an early return
#include "harness.p4"
bit<8> max(in bit<8> a, in bit<8> b) {
  if (a > b) { return a; }
  return b;
}
control Impl() {
  apply { bit<8> m = max(1, 2); }
}
Test(Impl()) main;
