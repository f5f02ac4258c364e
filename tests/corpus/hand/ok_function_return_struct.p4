// a function returning a struct value
#include "harness.p4"
struct p_t { bit<8> a; bit<8> b; }
p_t make(in bit<8> x) { return { a = x, b = x }; }
control Impl() {
  apply { p_t p = make(3); }
}
Test(Impl()) main;
