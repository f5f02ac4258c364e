// an if condition of type bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    // expected-error@+1 {{condition must be bool, found bit<32>}}
    if (a) { a = 2; }
  }
}
Test(Impl()) main;
