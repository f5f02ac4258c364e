// '!' needs a bool operand, not bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    // expected-error@+1 {{invalid operand to '!': bit<32>}}
    bool c = !a;
  }
}
Test(Impl()) main;
