// a switch label naming a declared action that the table does not list
#include "harness.p4"
control Impl() {
  action a() {} action b() {}
  bit<8> k = 0;
  table t { key = { k : exact; } actions = { a; } }
  apply {
    switch (t.apply().action_run) {
      a: {}
      b: {}  // expected-error {{action 'b' is not in the actions list of table 't'}}
    }
  }
}
Test(Impl()) main;
