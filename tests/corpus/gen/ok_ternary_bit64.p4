// ?: with bit<64> arms
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bool f = true;
    bit<64> c = f ? a : a;
  }
}
Test(Impl()) main;
