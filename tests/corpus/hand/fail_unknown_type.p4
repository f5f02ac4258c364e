// a variable of an undeclared type
#include "harness.p4"
control Impl() { apply { foo_t v; } }  // expected-error {{unknown type name 'foo_t'}}
Test(Impl()) main;
