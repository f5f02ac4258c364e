// constant header-stack index past the end of the stack
#include "harness.p4"
header h_t { bit<8> v; }
control Impl() {
  h_t[2] s;
  apply { s[2].v = 1; }  // expected-error {{index 2 out of range for header stack of size 2}}
}
Test(Impl()) main;
