// bit<4> ++ bit<16> is bit<20>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<16> b = 0;
    bit<20> c = a ++ b;
  }
}
Test(Impl()) main;
