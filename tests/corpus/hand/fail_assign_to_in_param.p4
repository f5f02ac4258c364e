// an in parameter is read-only
#include "harness.p4"
control Inner(in bit<8> x) { apply { x = 1; } }  // expected-error {{cannot assign to 'in' parameter 'x'}}
control Impl() { apply {} }
Test(Impl()) main;
