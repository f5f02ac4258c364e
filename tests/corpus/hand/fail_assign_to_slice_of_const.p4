// assigning into a slice of a constant
#include "harness.p4"
const bit<8> C = 0;
control Impl() {
  apply { C[3:0] = 4w1; }  // expected-error {{cannot assign to 'C[3:0]'}}
}
Test(Impl()) main;
