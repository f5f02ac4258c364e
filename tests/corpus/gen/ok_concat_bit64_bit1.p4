// bit<64> ++ bit<1> is bit<65>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<1> b = 0;
    bit<65> c = a ++ b;
  }
}
Test(Impl()) main;
