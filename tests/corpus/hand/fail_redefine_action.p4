// two actions with one name
#include "harness.p4"
control Impl() {
  action a() {}
  action a() {}  // expected-error {{redefinition of 'a'}}
  apply {} }
Test(Impl()) main;
