// ?: with bit<4> arms
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bool f = true;
    bit<4> c = f ? a : a;
  }
}
Test(Impl()) main;
