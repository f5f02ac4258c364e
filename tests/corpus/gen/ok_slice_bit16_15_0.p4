// slice [15:0] of bit<16> is bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<16> c = a[15:0];
    a[15:0] = c;
  }
}
Test(Impl()) main;
