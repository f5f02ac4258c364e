// ?: with bit<16> arms
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bool f = true;
    bit<16> c = f ? a : a;
  }
}
Test(Impl()) main;
