// bit<4> ++ bit<1> is bit<5>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<1> b = 0;
    bit<5> c = a ++ b;
  }
}
Test(Impl()) main;
