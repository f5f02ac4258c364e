// a local read before any assignment may be uninitialized ([-Wuninitialized-use])
#include "harness.p4"
control Impl() {
  apply {
    bit<8> x;
    bit<8> y = x + 1; // expected-warning {{'x' may be uninitialized}}
    x = y;
    bit<8> z = x;
    if (z == y) { z = 0; }
  }
}
Test(Impl()) main;
