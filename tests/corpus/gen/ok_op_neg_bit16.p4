// unary '-' on bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<16> c = -a;
  }
}
Test(Impl()) main;
