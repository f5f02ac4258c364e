// ?: with int<16> arms
#include "harness.p4"

control Impl() {
  apply {
    int<16> a = 1;
    bool f = true;
    int<16> c = f ? a : a;
  }
}
Test(Impl()) main;
