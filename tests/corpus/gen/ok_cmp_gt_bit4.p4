// '>' on bit<4> gives bool
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<4> b = 0;
    bool c = a > b;
  }
}
Test(Impl()) main;
