// '&&' needs bool operands, not bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    // expected-error@+1 {{invalid operands to '&&': bit<4> and bit<4>}}
    bool c = a && a;
  }
}
Test(Impl()) main;
