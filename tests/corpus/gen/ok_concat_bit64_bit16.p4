// bit<64> ++ bit<16> is bit<80>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<16> b = 0;
    bit<80> c = a ++ b;
  }
}
Test(Impl()) main;
