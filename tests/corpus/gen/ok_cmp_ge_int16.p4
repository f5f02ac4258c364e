// '>=' on int<16> gives bool
#include "harness.p4"

control Impl() {
  apply {
    int<16> a = 1;
    int<16> b = 0;
    bool c = a >= b;
  }
}
Test(Impl()) main;
