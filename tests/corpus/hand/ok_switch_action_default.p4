// switch on action_run with a default branch
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action a() {}
  action b() {}
  table t { key = { k : exact; } actions = { a; b; } }
  apply {
    switch (t.apply().action_run) {
      a: { k = 1; }
      default: { k = 2; }
    }
  }
}
Test(Impl()) main;
