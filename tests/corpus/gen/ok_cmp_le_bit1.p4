// '<=' on bit<1> gives bool
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<1> b = 0;
    bool c = a <= b;
  }
}
Test(Impl()) main;
