// a const entry with more key values than the table has keys
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action a() {}
  table t {
    key = { k : exact; }
    actions = { a; }
    const entries = { (1, 2) : a(); }  // expected-error {{'entry key' expects 1 arguments, given 2}}
  }
  apply { t.apply(); }
}
Test(Impl()) main;
