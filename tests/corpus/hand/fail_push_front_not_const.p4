// push_front's count must be known at compile time
#include "harness.p4"
header h_t { bit<8> v; }
control Impl() {
  h_t[2] s;
  apply {
    bit<8> n = 1;
    s.push_front(n);  // expected-error {{argument 'count' of 'push_front' must be a compile-time constant}}
  }
}
Test(Impl()) main;
