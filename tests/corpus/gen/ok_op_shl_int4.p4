// '<<' of int<4> by a bit<8> amount keeps int<4>
#include "harness.p4"

control Impl() {
  apply {
    int<4> a = 1;
    bit<8> s = 1;
    int<4> c = a << s;
  }
}
Test(Impl()) main;
