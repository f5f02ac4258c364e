// comparing two headers for equality
#include "harness.p4"
header h_t { bit<8> a; }
control Impl() {
  h_t x;
  h_t y;
  apply { bool e = x == y; }
}
Test(Impl()) main;
