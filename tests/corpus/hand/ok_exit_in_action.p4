// exit inside an action
#include "harness.p4"
control Impl() {
  action stop() { exit; }
  apply { stop(); }
}
Test(Impl()) main;
