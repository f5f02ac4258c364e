// const entries with exact keys and action arguments
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  bit<8> out_v = 0;
  action set(bit<8> v) { out_v = v; }
  table t {
    key = { k : exact; }
    actions = { set; NoAction; }
    const entries = {
      1 : set(10);
      2 : set(20);
      _ : NoAction();
    }
  }
  apply { t.apply(); }
}
Test(Impl()) main;
