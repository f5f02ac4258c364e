// two parameters with one name
#include "harness.p4"
control Inner(in bit<8> x, in bit<8> x) { apply {} }  // expected-error {{redefinition of 'x'}}
control Impl() { apply {} }
Test(Impl()) main;
