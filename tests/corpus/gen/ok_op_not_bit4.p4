// '~' on bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<4> c = ~a;
  }
}
Test(Impl()) main;
