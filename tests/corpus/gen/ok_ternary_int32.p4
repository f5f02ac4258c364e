// ?: with int<32> arms
#include "harness.p4"

control Impl() {
  apply {
    int<32> a = 1;
    bool f = true;
    int<32> c = f ? a : a;
  }
}
Test(Impl()) main;
