// slice [63:0] of bit<64> is bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<64> c = a[63:0];
    a[63:0] = c;
  }
}
Test(Impl()) main;
