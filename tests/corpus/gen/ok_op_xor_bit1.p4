// '^' on two bit<1> values gives bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<1> b = 0;
    bit<1> c = a ^ b;
  }
}
Test(Impl()) main;
