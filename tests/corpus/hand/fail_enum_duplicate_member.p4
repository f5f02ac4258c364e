// an enum with the same member twice
#include "harness.p4"
enum E { A, A }  // expected-error {{redefinition of 'A'}}
control Impl() { apply {} }
Test(Impl()) main;
