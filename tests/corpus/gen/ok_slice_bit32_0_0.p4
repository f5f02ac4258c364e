// slice [0:0] of bit<32> is bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<1> c = a[0:0];
    a[0:0] = c;
  }
}
Test(Impl()) main;
