// '!' needs a bool operand, not bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    // expected-error@+1 {{invalid operand to '!': bit<8>}}
    bool c = !a;
  }
}
Test(Impl()) main;
