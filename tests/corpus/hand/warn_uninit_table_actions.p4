// t.apply() runs exactly one of its actions: a local is assigned after it only when
// every action assigns it
#include "harness.p4"
control Impl() {
  bit<8> both;
  bit<8> some;
  bit<8> k = 1;
  action a1() { both = 1; some = 1; }
  action a2() { both = 2; }
  table t {
    key = { k : exact; }
    actions = { a1; a2; }
    default_action = a2();
  }
  apply {
    t.apply();
    bit<8> x = both;
    x = x + some; // expected-warning {{'some' may be uninitialized}}
  }
}
Test(Impl()) main;
