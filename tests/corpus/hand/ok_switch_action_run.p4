// switch on table.apply().action_run
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action a1() {}
  action a2() {}
  table t { key = { k : exact; } actions = { a1; a2; } }
  apply {
    switch (t.apply().action_run) {
      a1: {}
      a2: { k = 1; }
    }
  }
}
Test(Impl()) main;
