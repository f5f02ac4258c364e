// bit<1> ++ bit<64> is bit<65>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<64> b = 0;
    bit<65> c = a ++ b;
  }
}
Test(Impl()) main;
