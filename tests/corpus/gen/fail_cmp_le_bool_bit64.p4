// '<=' between bool and bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bool a = true;
    bit<64> b = 0;
    // expected-error@+1 {{invalid operands to '<=': bool and bit<64>}}
    bool c = a <= b;
  }
}
Test(Impl()) main;
