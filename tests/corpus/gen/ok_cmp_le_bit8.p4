// '<=' on bit<8> gives bool
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<8> b = 0;
    bool c = a <= b;
  }
}
Test(Impl()) main;
