// arguments bound by name, in any order
#include "harness.p4"
bit<8> sub(in bit<8> a, in bit<8> b) { return a - b; }
control Impl() {
  apply { bit<8> m = sub(b = 1, a = 3); }
}
Test(Impl()) main;
