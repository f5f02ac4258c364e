// '&&' needs bool operands, not bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    // expected-error@+1 {{invalid operands to '&&': bit<1> and bit<1>}}
    bool c = a && a;
  }
}
Test(Impl()) main;
