// ternary key entries with masks
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action a() {}
  table t {
    key = { k : ternary; }
    actions = { a; }
    const entries = {
      8w0x10 &&& 8w0xF0 : a();
    }
  }
  apply { t.apply(); }
}
Test(Impl()) main;
