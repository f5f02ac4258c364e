// an if condition of type bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    // expected-error@+1 {{condition must be bool, found bit<1>}}
    if (a) { a = 2; }
  }
}
Test(Impl()) main;
