// '<=' on bit<16> gives bool
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<16> b = 0;
    bool c = a <= b;
  }
}
Test(Impl()) main;
