// '!' needs a bool operand, not bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    // expected-error@+1 {{invalid operand to '!': bit<16>}}
    bool c = !a;
  }
}
Test(Impl()) main;
