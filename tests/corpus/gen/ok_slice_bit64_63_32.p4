// slice [63:32] of bit<64> is bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<32> c = a[63:32];
    a[63:32] = c;
  }
}
Test(Impl()) main;
