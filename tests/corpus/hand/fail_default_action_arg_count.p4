// default_action called with the wrong number of arguments
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action set(bit<8> v) { k = v; }
  table t { key = { k : exact; } actions = { set; } default_action = set(); }  // expected-error {{'set' expects 1 arguments, given 0}}
  apply { t.apply(); }
}
Test(Impl()) main;
