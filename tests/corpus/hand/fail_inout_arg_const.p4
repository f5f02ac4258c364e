// passing a constant to an inout parameter of a function
#include "harness.p4"
const bit<8> C = 1;
void bump(inout bit<8> v) { v = v + 1; }
control Impl() {
  apply { bump(C); }  // expected-error {{argument for 'inout' parameter 'v' must be assignable}}
}
Test(Impl()) main;
