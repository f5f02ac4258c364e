// '||' needs bool operands, not bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    // expected-error@+1 {{invalid operands to '||': bit<64> and bit<64>}}
    bool c = a || a;
  }
}
Test(Impl()) main;
