// '&&' needs bool operands, not bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    // expected-error@+1 {{invalid operands to '&&': bit<16> and bit<16>}}
    bool c = a && a;
  }
}
Test(Impl()) main;
