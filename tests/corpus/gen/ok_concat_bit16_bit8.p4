// bit<16> ++ bit<8> is bit<24>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<8> b = 0;
    bit<24> c = a ++ b;
  }
}
Test(Impl()) main;
