// slice [31:16] of bit<32> is bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<16> c = a[31:16];
    a[31:16] = c;
  }
}
Test(Impl()) main;
