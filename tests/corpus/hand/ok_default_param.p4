// a parameter with a default value may be left out
#include "harness.p4"
bit<8> add(in bit<8> a, in bit<8> b = 1) { return a + b; }
control Impl() {
  apply { bit<8> m = add(3); }
}
Test(Impl()) main;
