// bit<8> ++ bit<4> is bit<12>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<4> b = 0;
    bit<12> c = a ++ b;
  }
}
Test(Impl()) main;
