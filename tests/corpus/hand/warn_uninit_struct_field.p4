// fields are tracked one by one: the warning names the first unassigned field
#include "harness.p4"
struct pair_t { bit<8> lo; bit<8> hi; }
control Impl() {
  apply {
    pair_t p;
    p.lo = 1;
    bit<8> x = p.lo;
    pair_t q = p; // expected-warning {{'p.hi' may be uninitialized}}
    bit<8> y = q.hi + x;
    pair_t w = { lo = 1, hi = 2 };
    w.hi = w.lo + y;
  }
}
Test(Impl()) main;
