// '>>' of bit<8> by a bit<8> amount keeps bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<8> s = 1;
    bit<8> c = a >> s;
  }
}
Test(Impl()) main;
