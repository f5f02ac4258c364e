// applying a nested control with too few arguments
#include "harness.p4"
control Inner(in bit<8> a, in bit<8> b) { apply {} }
control Impl() {
  Inner() inner;
  apply { inner.apply(1); }  // expected-error {{'Inner' expects 2 arguments, given 1}}
}
Test(Impl()) main;
