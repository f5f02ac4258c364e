// a block-local name shadows an outer one
#include "harness.p4"
const bit<8> x = 1;
control Impl() {
  apply {
    bit<16> x = 2;
    { bool x = true; }
    bit<16> y = x;
  }
}
Test(Impl()) main;
