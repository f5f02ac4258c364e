// a named argument that matches no parameter
#include "harness.p4"
bit<8> f(in bit<8> a) { return a; }
control Impl() {
  apply { bit<8> x = f(b = 1); }  // expected-error {{no member 'b' in 'f' parameters}}
}
Test(Impl()) main;
