// table.apply().hit and .miss in conditions
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action a() {}
  table t { key = { k : exact; } actions = { a; NoAction; } default_action = NoAction(); }
  apply {
    if (t.apply().hit) { k = 1; }
    if (t.apply().miss) { k = 2; }
  }
}
Test(Impl()) main;
