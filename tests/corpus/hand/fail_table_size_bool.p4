// a table size is an integer: say so when it is a boolean
#include "harness.p4"
control Impl() {
  action a() { }
  table t {
    actions = { a; }
    size = true; // expected-error {{table size must be an integer constant, found bool}}
  }
  apply { t.apply(); }
}
Test(Impl()) main;
