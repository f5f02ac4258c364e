// bit<16> ++ bit<1> is bit<17>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<1> b = 0;
    bit<17> c = a ++ b;
  }
}
Test(Impl()) main;
