// bit<8> ++ bit<16> is bit<24>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<16> b = 0;
    bit<24> c = a ++ b;
  }
}
Test(Impl()) main;
