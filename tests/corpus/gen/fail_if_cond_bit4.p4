// an if condition of type bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    // expected-error@+1 {{condition must be bool, found bit<4>}}
    if (a) { a = 2; }
  }
}
Test(Impl()) main;
