// default_action with arguments
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action set(bit<8> v) { k = v; }
  table t {
    key = { k : exact; }
    actions = { set; }
    default_action = set(5);
  }
  apply { t.apply(); }
}
Test(Impl()) main;
