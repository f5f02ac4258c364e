// '<' between bool and bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bool a = true;
    bit<4> b = 0;
    // expected-error@+1 {{invalid operands to '<': bool and bit<4>}}
    bool c = a < b;
  }
}
Test(Impl()) main;
