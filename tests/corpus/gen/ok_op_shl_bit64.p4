// '<<' of bit<64> by a bit<8> amount keeps bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<8> s = 1;
    bit<64> c = a << s;
  }
}
Test(Impl()) main;
