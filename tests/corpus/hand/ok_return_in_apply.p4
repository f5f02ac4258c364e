// a bare return inside a control's apply block
#include "harness.p4"
control Impl() {
  apply {
    bit<8> v = 1;
    if (v == 1) { return; }
    v = 2;
  }
}
Test(Impl()) main;
