// an undeclared name in a bit<64> expression
#include "harness.p4"

control Impl() {
  apply {
    // expected-error@+1 {{use of undeclared identifier 'nope'}}
    bit<64> c = nope + 1;
  }
}
Test(Impl()) main;
