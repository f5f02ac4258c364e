// bit<1> ++ bit<32> is bit<33>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<32> b = 0;
    bit<33> c = a ++ b;
  }
}
Test(Impl()) main;
