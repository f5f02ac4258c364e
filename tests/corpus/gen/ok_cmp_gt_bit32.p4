// '>' on bit<32> gives bool
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<32> b = 0;
    bool c = a > b;
  }
}
Test(Impl()) main;
