// an action listed @defaultonly cannot appear in the table's entries
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action fwd() { }
  action miss() { }
  table t {
    key = { k : exact; }
    actions = { fwd; @defaultonly miss; }
    const entries = {
      1 : fwd();
      2 : miss(); // expected-error {{action 'miss' of table 't' is @defaultonly and cannot be used in its entries}}
    }
    default_action = miss();
  }
  apply { t.apply(); }
}
Test(Impl()) main;
