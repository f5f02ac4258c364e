// '*' on two bit<32> values gives bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<32> b = 0;
    bit<32> c = a * b;
  }
}
Test(Impl()) main;
