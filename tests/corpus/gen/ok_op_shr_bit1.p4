// '>>' of bit<1> by a bit<8> amount keeps bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<8> s = 1;
    bit<1> c = a >> s;
  }
}
Test(Impl()) main;
