// a key with an undeclared match kind
#include "harness.p4"
control Impl() {
  action a() {}
  bit<8> k = 0;
  table t { key = { k : fuzzy; } actions = { a; } }  // expected-error {{'fuzzy' is not a match_kind}}
  apply { t.apply(); } }
Test(Impl()) main;
