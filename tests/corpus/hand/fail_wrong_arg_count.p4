// a function called with too many arguments
#include "harness.p4"
bit<8> f(in bit<8> a) { return a; }
control Impl() { apply { bit<8> v = f(1, 2); } }  // expected-error {{'f' expects 1 arguments, given 2}}
Test(Impl()) main;
