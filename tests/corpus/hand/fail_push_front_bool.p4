// push_front takes an integer constant count, not a bool
#include "harness.p4"
header h_t { bit<8> v; }
control Impl() {
  h_t[2] s;
  apply { s.push_front(true); }  // expected-error {{argument 'count' of 'push_front': cannot convert bool to an integer constant}}
}
Test(Impl()) main;
