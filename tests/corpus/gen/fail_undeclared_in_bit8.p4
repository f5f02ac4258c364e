// an undeclared name in a bit<8> expression
#include "harness.p4"

control Impl() {
  apply {
    // expected-error@+1 {{use of undeclared identifier 'nope'}}
    bit<8> c = nope + 1;
  }
}
Test(Impl()) main;
