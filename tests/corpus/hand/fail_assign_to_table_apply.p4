// assigning to the result of a method call
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action a() {}
  table t { key = { k : exact; } actions = { a; } }
  apply { t.apply().hit = true; }  // expected-error {{cannot assign to 't.apply().hit'}}
}
Test(Impl()) main;
