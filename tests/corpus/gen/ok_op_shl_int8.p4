// '<<' of int<8> by a bit<8> amount keeps int<8>
#include "harness.p4"

control Impl() {
  apply {
    int<8> a = 1;
    bit<8> s = 1;
    int<8> c = a << s;
  }
}
Test(Impl()) main;
