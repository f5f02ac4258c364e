// '!' needs a bool operand, not bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    // expected-error@+1 {{invalid operand to '!': bit<64>}}
    bool c = !a;
  }
}
Test(Impl()) main;
