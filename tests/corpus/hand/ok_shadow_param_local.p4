// a block-local variable shadowing a control-level one
#include "harness.p4"
control Impl() {
  bit<8> x = 0;
  apply {
    {
      bit<16> x = 1;
      x = x + 1;
    }
    x = 2;
  }
}
Test(Impl()) main;
