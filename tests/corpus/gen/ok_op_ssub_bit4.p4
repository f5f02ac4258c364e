// '|-|' on two bit<4> values gives bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<4> b = 0;
    bit<4> c = a |-| b;
  }
}
Test(Impl()) main;
