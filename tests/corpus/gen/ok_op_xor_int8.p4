// '^' on two int<8> values gives int<8>
#include "harness.p4"

control Impl() {
  apply {
    int<8> a = 1;
    int<8> b = 0;
    int<8> c = a ^ b;
  }
}
Test(Impl()) main;
