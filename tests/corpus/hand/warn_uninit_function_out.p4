// functions: reading an out parameter before writing it, and an out parameter
// left unassigned on the path that returns early
#include "harness.p4"
bit<8> twice(in bit<8> a, out bit<8> r) { // expected-warning {{out parameter 'r' may be uninitialized when 'twice' terminates}}
  if (a == 0) { return 0; }
  r = a + a;
  return r;
}
bit<8> peek(out bit<8> r) {
  bit<8> old = r; // expected-warning {{'r' may be uninitialized}}
  r = 1;
  return old;
}
control Impl() {
  apply {
    bit<8> x;
    bit<8> y = twice(3, x);
    y = y + x + peek(x);
  }
}
Test(Impl()) main;
