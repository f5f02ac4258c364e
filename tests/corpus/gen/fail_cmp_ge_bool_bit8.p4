// '>=' between bool and bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bool a = true;
    bit<8> b = 0;
    // expected-error@+1 {{invalid operands to '>=': bool and bit<8>}}
    bool c = a >= b;
  }
}
Test(Impl()) main;
