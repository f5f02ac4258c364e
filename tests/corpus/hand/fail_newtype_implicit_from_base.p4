// a value of the base type does not convert implicitly to a `type` declared over it
#include "harness.p4"
type bit<9> Port_t;
control Impl() {
  apply {
    bit<9> raw = 3;
    Port_t p = raw;  // expected-error {{cannot convert bit<9> to Port_t}}
  }
}
Test(Impl()) main;
