// '>>' of bit<4> by a bit<8> amount keeps bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<8> s = 1;
    bit<4> c = a >> s;
  }
}
Test(Impl()) main;
