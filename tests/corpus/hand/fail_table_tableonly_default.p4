// an action listed @tableonly cannot be the table's default action
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action hit_only() { }
  action miss() { }
  table t {
    key = { k : exact; }
    actions = { @tableonly hit_only; miss; }
    default_action = hit_only(); // expected-error {{action 'hit_only' of table 't' is @tableonly and cannot be used as its default action}}
  }
  apply { t.apply(); }
}
Test(Impl()) main;
