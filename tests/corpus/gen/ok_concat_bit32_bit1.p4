// bit<32> ++ bit<1> is bit<33>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<1> b = 0;
    bit<33> c = a ++ b;
  }
}
Test(Impl()) main;
