// a table key that names an undeclared variable
#include "harness.p4"
control Impl() {
  action a() {}
  table t { key = { missing : exact; } actions = { a; } }  // expected-error {{use of undeclared identifier 'missing'}}
  apply { t.apply(); }
}
Test(Impl()) main;
