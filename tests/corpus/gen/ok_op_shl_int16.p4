// '<<' of int<16> by a bit<8> amount keeps int<16>
#include "harness.p4"

control Impl() {
  apply {
    int<16> a = 1;
    bit<8> s = 1;
    int<16> c = a << s;
  }
}
Test(Impl()) main;
