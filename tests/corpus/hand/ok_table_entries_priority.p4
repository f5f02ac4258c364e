// const entries on a ternary table with explicit priorities
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action a(bit<8> v) { k = v; }
  table t {
    key = { k : ternary; }
    actions = { a; }
    const entries = {
      priority = 10 : 8w1 &&& 8w0xF : a(1);
      priority = 20 : 8w2 &&& 8w0xF : a(2);
      @priority(30) 8w3 &&& 8w0xF : a(3);
      _ : a(4);
    }
  }
  apply { t.apply(); }
}
Test(Impl()) main;
