// returning a value from a void function
#include "harness.p4"
void f() { return 1; }  // expected-error {{return with a value in a void function}}
control Impl() { apply { f(); } }
Test(Impl()) main;
