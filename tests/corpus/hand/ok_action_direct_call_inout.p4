// an action with directional params called directly from apply
#include "harness.p4"
control Impl() {
  action inc(inout bit<8> x, in bit<8> by) { x = x + by; }
  apply {
    bit<8> v = 1;
    inc(v, 2);
  }
}
Test(Impl()) main;
