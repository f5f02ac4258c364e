// an action_run switch may not list the same action twice
#include "harness.p4"
control Impl() {
  bit<8> k = 0;
  action a() {}
  table t { key = { k : exact; } actions = { a; } }
  apply {
    switch (t.apply().action_run) {
      a: {}
      a: {}  // expected-error {{duplicate switch label 'a'}}
    }
  }
}
Test(Impl()) main;
