// an undeclared name in a bit<1> expression
#include "harness.p4"

control Impl() {
  apply {
    // expected-error@+1 {{use of undeclared identifier 'nope'}}
    bit<1> c = nope + 1;
  }
}
Test(Impl()) main;
