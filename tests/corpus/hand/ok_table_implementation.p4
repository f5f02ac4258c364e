// an extern instance used as a table implementation property
#include "harness.p4"
extern ActionProfile { ActionProfile(bit<32> size); }
control Impl() {
  bit<8> k = 0;
  action a() {}
  table t {
    key = { k : exact; }
    actions = { a; }
    implementation = ActionProfile(32w128);
  }
  apply { t.apply(); }
}
Test(Impl()) main;
