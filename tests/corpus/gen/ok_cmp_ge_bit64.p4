// '>=' on bit<64> gives bool
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<64> b = 0;
    bool c = a >= b;
  }
}
Test(Impl()) main;
