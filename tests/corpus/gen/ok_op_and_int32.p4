// '&' on two int<32> values gives int<32>
#include "harness.p4"

control Impl() {
  apply {
    int<32> a = 1;
    int<32> b = 0;
    int<32> c = a & b;
  }
}
Test(Impl()) main;
