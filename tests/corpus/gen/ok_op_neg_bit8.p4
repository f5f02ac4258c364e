// unary '-' on bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<8> c = -a;
  }
}
Test(Impl()) main;
