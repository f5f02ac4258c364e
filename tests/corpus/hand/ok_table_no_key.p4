// a keyless table only runs its default action
#include "harness.p4"
control Impl() {
  action a() {}
  table t { actions = { a; } default_action = a(); }
  apply { t.apply(); }
}
Test(Impl()) main;
