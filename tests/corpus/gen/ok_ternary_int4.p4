// ?: with int<4> arms
#include "harness.p4"

control Impl() {
  apply {
    int<4> a = 1;
    bool f = true;
    int<4> c = f ? a : a;
  }
}
Test(Impl()) main;
