// a parameter of an undeclared type
#include "harness.p4"
control Inner(in missing_t x) { apply {} }  // expected-error {{unknown type name 'missing_t'}}
control Impl() { apply {} }
Test(Impl()) main;
