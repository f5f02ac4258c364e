// bit<4> ++ bit<32> is bit<36>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<32> b = 0;
    bit<36> c = a ++ b;
  }
}
Test(Impl()) main;
