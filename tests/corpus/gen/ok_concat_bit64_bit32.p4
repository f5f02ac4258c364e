// bit<64> ++ bit<32> is bit<96>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<32> b = 0;
    bit<96> c = a ++ b;
  }
}
Test(Impl()) main;
