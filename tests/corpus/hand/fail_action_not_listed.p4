// a default_action that is not in the actions list
#include "harness.p4"
control Impl() {
  action a() {} action b() {}
  bit<8> k = 0;
  table t { key = { k : exact; } actions = { a; } default_action = b(); }  // expected-error {{action 'b' is not in the actions list of table 't'}}
  apply { t.apply(); } }
Test(Impl()) main;
