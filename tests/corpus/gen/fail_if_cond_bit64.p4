// an if condition of type bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    // expected-error@+1 {{condition must be bool, found bit<64>}}
    if (a) { a = 2; }
  }
}
Test(Impl()) main;
