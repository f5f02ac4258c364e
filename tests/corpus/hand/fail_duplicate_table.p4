// two tables with the same name in one control
#include "harness.p4"
control Impl() {
  action a() {}
  table t { actions = { a; } }
  table t { actions = { a; } }  // expected-error {{redefinition of 't'}}
  apply { t.apply(); }
}
Test(Impl()) main;
