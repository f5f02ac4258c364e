// operands of a `type` and its base type are distinct types, not a width mismatch
#include "harness.p4"
type bit<8> Port;
control Impl() {
  apply {
    Port p = (Port)8w1;
    bit<8> b = 2;
    // expected-error@+1 {{type mismatch in '+': Port and bit<8> are distinct types (cast one side)}}
    bit<8> c = p + b;
  }
}
Test(Impl()) main;
