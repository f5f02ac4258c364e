// calling an undeclared function
#include "harness.p4"
control Impl() { apply { frob(); } }  // expected-error {{use of undeclared identifier 'frob'}}
Test(Impl()) main;
