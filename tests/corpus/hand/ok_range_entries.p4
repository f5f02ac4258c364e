// entries with ranges and default on a range key (match_kind declared as v1model does)
#include "harness.p4"
match_kind { range }  // as v1model declares it
control Impl() {
  bit<16> k = 0;
  action a() {}
  table t {
    key = { k : range; }
    actions = { a; }
    const entries = { 16w1 .. 16w10 : a(); default : a(); }
  }
  apply { t.apply(); }
}
Test(Impl()) main;
