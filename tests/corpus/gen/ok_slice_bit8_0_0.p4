// slice [0:0] of bit<8> is bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<1> c = a[0:0];
    a[0:0] = c;
  }
}
Test(Impl()) main;
