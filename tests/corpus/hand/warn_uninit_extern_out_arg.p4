// an out argument of an extern or a function assigns the variable; headers are never
// "uninitialized" (an unassigned header is invalid)
#include "harness.p4"
header h_t { bit<8> f; }
extern void fill(out bit<8> x);
extern void bump(inout bit<8> x);
control Impl() {
  apply {
    bit<8> a;
    fill(a);
    bit<8> b;
    bump(b); // expected-warning {{'b' may be uninitialized}}
    h_t h;
    if (h.isValid()) { a = a + b; }
    bool c;
    bool d = false && c; // expected-warning {{'c' may be uninitialized}}
    a = d ? a : b;
  }
}
Test(Impl()) main;
