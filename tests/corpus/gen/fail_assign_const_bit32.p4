// a constant bit<32> cannot be assigned
#include "harness.p4"
const bit<32> K = 1;
control Impl() {
  apply {
    // expected-error@+1 {{cannot assign to 'K'}}
    K = 2;
  }
}
Test(Impl()) main;
