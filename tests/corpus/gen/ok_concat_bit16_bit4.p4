// bit<16> ++ bit<4> is bit<20>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<4> b = 0;
    bit<20> c = a ++ b;
  }
}
Test(Impl()) main;
