// a literal on the left of an assignment
#include "harness.p4"
control Impl() {
  apply { 8w1 = 8w2; }  // expected-error {{cannot assign to '8w1'}}
}
Test(Impl()) main;
