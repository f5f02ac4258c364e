// '|-|' on two bit<64> values gives bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<64> b = 0;
    bit<64> c = a |-| b;
  }
}
Test(Impl()) main;
