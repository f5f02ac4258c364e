// '>=' between bool and bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bool a = true;
    bit<1> b = 0;
    // expected-error@+1 {{invalid operands to '>=': bool and bit<1>}}
    bool c = a >= b;
  }
}
Test(Impl()) main;
