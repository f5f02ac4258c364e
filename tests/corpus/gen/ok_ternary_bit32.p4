// ?: with bit<32> arms
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bool f = true;
    bit<32> c = f ? a : a;
  }
}
Test(Impl()) main;
