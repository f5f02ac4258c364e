// table.apply().hit and .miss used in expressions (each table applied once)
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action a() {}
  table t { key = { k : exact; } actions = { a; } }
  table u { key = { k : exact; } actions = { a; } }
  apply {
    bool h = t.apply().hit;
    if (!u.apply().miss) { k = 1; }
  }
}
Test(Impl()) main;
