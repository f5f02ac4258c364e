// unary '-' on int<16>
#include "harness.p4"

control Impl() {
  apply {
    int<16> a = 1;
    int<16> c = -a;
  }
}
Test(Impl()) main;
