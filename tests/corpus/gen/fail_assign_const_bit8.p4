// a constant bit<8> cannot be assigned
#include "harness.p4"
const bit<8> K = 1;
control Impl() {
  apply {
    // expected-error@+1 {{cannot assign to 'K'}}
    K = 2;
  }
}
Test(Impl()) main;
