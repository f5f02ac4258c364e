// setValid takes no arguments
#include "harness.p4"
header h_t { bit<8> a; }
control Impl() {
  h_t h;
  apply { h.setValid(1); }  // expected-error {{'setValid' expects 0 arguments, given 1}}
}
Test(Impl()) main;
