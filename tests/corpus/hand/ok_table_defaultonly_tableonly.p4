// @defaultonly actions as the default, @tableonly actions in entries: both fine
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action fwd() { }
  action miss() { }
  table t {
    key = { k : exact; }
    actions = { @tableonly fwd; @defaultonly miss; }
    const entries = {
      1 : fwd();
    }
    const default_action = miss();
  }
  apply { t.apply(); }
}
Test(Impl()) main;
