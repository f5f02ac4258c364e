// '*' on two int<4> values gives int<4>
#include "harness.p4"

control Impl() {
  apply {
    int<4> a = 1;
    int<4> b = 0;
    int<4> c = a * b;
  }
}
Test(Impl()) main;
