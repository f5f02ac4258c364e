// unary '-' on bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<1> c = -a;
  }
}
Test(Impl()) main;
