// slice [3:0] of bit<8> is bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<4> c = a[3:0];
    a[3:0] = c;
  }
}
Test(Impl()) main;
