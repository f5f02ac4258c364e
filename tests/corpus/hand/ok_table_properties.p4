// table properties: size, const default_action, custom properties
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action a() {}
  table t {
    key = { k : lpm; }
    actions = { a; @defaultonly NoAction; }
    const default_action = NoAction();
    size = 1024;
    largest_priority_wins = false;
    priority_delta = 10;
    my_custom = 5;
  }
  apply { t.apply(); }
}
Test(Impl()) main;
