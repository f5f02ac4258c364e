// slice [7:0] of bit<8> is bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<8> c = a[7:0];
    a[7:0] = c;
  }
}
Test(Impl()) main;
