// unary '-' on bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<32> c = -a;
  }
}
Test(Impl()) main;
