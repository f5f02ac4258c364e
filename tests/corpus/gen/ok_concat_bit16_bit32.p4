// bit<16> ++ bit<32> is bit<48>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<32> b = 0;
    bit<48> c = a ++ b;
  }
}
Test(Impl()) main;
