// '<<' of bit<16> by a bit<8> amount keeps bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<8> s = 1;
    bit<16> c = a << s;
  }
}
Test(Impl()) main;
