// bit<32> ++ bit<16> is bit<48>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<16> b = 0;
    bit<48> c = a ++ b;
  }
}
Test(Impl()) main;
