// annotations on action parameters and on the action
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  @name("set_it") action set(@name("value") bit<8> v) { k = v; }
  table t { key = { k : exact; } actions = { set; } }
  apply { t.apply(); }
}
Test(Impl()) main;
