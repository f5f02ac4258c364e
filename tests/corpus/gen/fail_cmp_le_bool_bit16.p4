// '<=' between bool and bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bool a = true;
    bit<16> b = 0;
    // expected-error@+1 {{invalid operands to '<=': bool and bit<16>}}
    bool c = a <= b;
  }
}
Test(Impl()) main;
