// passing a literal to an out parameter of a nested control
#include "harness.p4"
control Inner(out bit<8> a) { apply { a = 1; } }
control Impl() {
  Inner() inner;
  apply { inner.apply(8w3); }  // expected-error {{argument for 'out' parameter 'a' must be assignable}}
}
Test(Impl()) main;
