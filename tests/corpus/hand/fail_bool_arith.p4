// adding bools
#include "harness.p4"
control Impl() { apply { bool a = true; bool b = a + a; } }  // expected-error {{invalid operands to '+': bool and bool}}
Test(Impl()) main;
