// an if condition of type bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    // expected-error@+1 {{condition must be bool, found bit<8>}}
    if (a) { a = 2; }
  }
}
Test(Impl()) main;
