// an if condition of type bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    // expected-error@+1 {{condition must be bool, found bit<16>}}
    if (a) { a = 2; }
  }
}
Test(Impl()) main;
