// '>>' of int<32> by a bit<8> amount keeps int<32>
#include "harness.p4"

control Impl() {
  apply {
    int<32> a = 1;
    bit<8> s = 1;
    int<32> c = a >> s;
  }
}
Test(Impl()) main;
