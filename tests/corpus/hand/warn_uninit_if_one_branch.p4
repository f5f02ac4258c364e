// assigned in one branch only: the read after the if may see no value
#include "harness.p4"
control Impl() {
  apply {
    bool c = true;
    bit<8> a;
    bit<8> b;
    if (c) { a = 1; b = 1; } else { b = 2; }
    bit<8> r = b; // both branches assign b
    r = r + a; // expected-warning {{'a' may be uninitialized}}
  }
}
Test(Impl()) main;
