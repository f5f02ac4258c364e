// unary '-' on int<32>
#include "harness.p4"

control Impl() {
  apply {
    int<32> a = 1;
    int<32> c = -a;
  }
}
Test(Impl()) main;
