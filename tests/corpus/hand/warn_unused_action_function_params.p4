// parameters of actions and functions that are never read are warned about, as in
// p4c ([-Wunused-parameter]); '_' names are exempt, and so are parser/control
// parameters (the architecture fixes those signatures)
#include "harness.p4"
bit<8> first(in bit<8> a, in bit<8> b) { // expected-warning {{parameter 'b' of function 'first' is never used}}
  return a;
}
control Impl() {
  bit<8> r = 0;
  action set(bit<8> v, bit<8> spare) { r = v; } // expected-warning {{parameter 'spare' of action 'set' is never used}}
  action keep(bit<8> _ignored) { r = r + 1; }
  table t {
    key = { r : exact; }
    actions = { set; keep; }
  }
  apply {
    t.apply();
    r = first(r, 1);
  }
}
Test(Impl()) main;
