// bit<1> ++ bit<16> is bit<17>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<16> b = 0;
    bit<17> c = a ++ b;
  }
}
Test(Impl()) main;
