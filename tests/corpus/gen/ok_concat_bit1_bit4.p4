// bit<1> ++ bit<4> is bit<5>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<4> b = 0;
    bit<5> c = a ++ b;
  }
}
Test(Impl()) main;
