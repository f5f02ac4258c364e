// '&&' needs bool operands, not bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    // expected-error@+1 {{invalid operands to '&&': bit<8> and bit<8>}}
    bool c = a && a;
  }
}
Test(Impl()) main;
