// an undeclared name in a bit<32> expression
#include "harness.p4"

control Impl() {
  apply {
    // expected-error@+1 {{use of undeclared identifier 'nope'}}
    bit<32> c = nope + 1;
  }
}
Test(Impl()) main;
