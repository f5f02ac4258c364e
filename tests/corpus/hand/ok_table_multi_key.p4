// a table with two keys of different match kinds and key annotations
#include "harness.p4"
control Impl() {
  bit<8> a = 0;
  bit<16> b = 0;
  action x() {}
  table t {
    key = { a : exact @name("first"); b : lpm; }
    actions = { x; }
  }
  apply { t.apply(); }
}
Test(Impl()) main;
