// a constant bit<1> cannot be assigned
#include "harness.p4"
const bit<1> K = 1;
control Impl() {
  apply {
    // expected-error@+1 {{cannot assign to 'K'}}
    K = 2;
  }
}
Test(Impl()) main;
