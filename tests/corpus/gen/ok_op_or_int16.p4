// '|' on two int<16> values gives int<16>
#include "harness.p4"

control Impl() {
  apply {
    int<16> a = 1;
    int<16> b = 0;
    int<16> c = a | b;
  }
}
Test(Impl()) main;
