// the same named argument given twice
#include "harness.p4"
bit<8> f(in bit<8> a, in bit<8> b) { return a + b; }
control Impl() {
  apply { bit<8> x = f(a = 1, a = 2); }  // expected-error {{argument 'a' of 'f' given twice}}
}
Test(Impl()) main;
