// an action called directly with more arguments than it declares
#include "harness.p4"
control Impl() {
  action a() {}
  apply { a(1); }  // expected-error {{'a' expects 0 arguments, given 1}}
}
Test(Impl()) main;
