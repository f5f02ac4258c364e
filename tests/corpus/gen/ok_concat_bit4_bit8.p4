// bit<4> ++ bit<8> is bit<12>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<8> b = 0;
    bit<12> c = a ++ b;
  }
}
Test(Impl()) main;
