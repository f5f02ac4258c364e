// an extern constructor called with too many arguments
#include "harness.p4"
extern Thing { Thing(bit<32> size); }
control Impl() {
  Thing(32w1, 32w2) th;  // expected-error {{no overload of 'Thing' takes 2 arguments}}
  apply {}
}
Test(Impl()) main;
