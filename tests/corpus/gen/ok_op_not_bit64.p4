// '~' on bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<64> c = ~a;
  }
}
Test(Impl()) main;
