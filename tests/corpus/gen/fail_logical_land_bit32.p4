// '&&' needs bool operands, not bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    // expected-error@+1 {{invalid operands to '&&': bit<32> and bit<32>}}
    bool c = a && a;
  }
}
Test(Impl()) main;
