// '^' on two bit<16> values gives bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<16> b = 0;
    bit<16> c = a ^ b;
  }
}
Test(Impl()) main;
