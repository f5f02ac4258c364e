// ?: with bit<1> arms
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bool f = true;
    bit<1> c = f ? a : a;
  }
}
Test(Impl()) main;
