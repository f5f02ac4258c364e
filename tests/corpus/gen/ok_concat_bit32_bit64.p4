// bit<32> ++ bit<64> is bit<96>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<64> b = 0;
    bit<96> c = a ++ b;
  }
}
Test(Impl()) main;
