// bit<16> ++ bit<64> is bit<80>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<64> b = 0;
    bit<80> c = a ++ b;
  }
}
Test(Impl()) main;
