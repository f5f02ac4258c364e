// actions are checked where they run: a read of a control local inside an action is
// fine when the caller assigned it first
#include "harness.p4"
control Impl() {
  bit<8> v;
  bit<8> w;
  action use_v() { w = v + 1; }
  action use_w() { v = w; } // expected-warning {{'w' may be uninitialized}}
  apply {
    v = 3;
    use_w();
    use_v();
    use_w();
  }
}
Test(Impl()) main;
