// '!' needs a bool operand, not bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    // expected-error@+1 {{invalid operand to '!': bit<4>}}
    bool c = !a;
  }
}
Test(Impl()) main;
