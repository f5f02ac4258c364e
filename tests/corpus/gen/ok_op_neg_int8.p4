// unary '-' on int<8>
#include "harness.p4"

control Impl() {
  apply {
    int<8> a = 1;
    int<8> c = -a;
  }
}
Test(Impl()) main;
