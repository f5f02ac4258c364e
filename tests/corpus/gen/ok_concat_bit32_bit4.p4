// bit<32> ++ bit<4> is bit<36>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<4> b = 0;
    bit<36> c = a ++ b;
  }
}
Test(Impl()) main;
