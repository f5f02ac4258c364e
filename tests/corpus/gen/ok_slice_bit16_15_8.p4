// slice [15:8] of bit<16> is bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<8> c = a[15:8];
    a[15:8] = c;
  }
}
Test(Impl()) main;
