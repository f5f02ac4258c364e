// '<<' of bit<32> by a bit<8> amount keeps bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<8> s = 1;
    bit<32> c = a << s;
  }
}
Test(Impl()) main;
