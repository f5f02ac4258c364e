// slice [31:0] of bit<32> is bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<32> c = a[31:0];
    a[31:0] = c;
  }
}
Test(Impl()) main;
