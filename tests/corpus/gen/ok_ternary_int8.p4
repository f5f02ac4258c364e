// ?: with int<8> arms
#include "harness.p4"

control Impl() {
  apply {
    int<8> a = 1;
    bool f = true;
    int<8> c = f ? a : a;
  }
}
Test(Impl()) main;
