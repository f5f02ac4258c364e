// table action list entries with bound arguments
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action set(inout bit<8> r, bit<8> v) { r = v; }
  table t { key = { k : exact; } actions = { set(k); } }
  apply { t.apply(); }
}
Test(Impl()) main;
