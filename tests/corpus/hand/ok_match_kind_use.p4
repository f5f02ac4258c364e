// a declared match_kind used as a table key kind
#include "harness.p4"
match_kind { fancy }
control Impl() {
  bit<8> k = 0;
  action a() {}
  table t { key = { k : fancy; } actions = { a; } }
  apply { t.apply(); }
}
Test(Impl()) main;
