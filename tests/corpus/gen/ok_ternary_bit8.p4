// ?: with bit<8> arms
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bool f = true;
    bit<8> c = f ? a : a;
  }
}
Test(Impl()) main;
