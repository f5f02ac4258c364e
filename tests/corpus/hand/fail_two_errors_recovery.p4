// two independent errors are both reported
#include "harness.p4"
control Impl() { apply { bit<8> v = nope1; bit<8> w = nope2; } }  // expected-error {{use of undeclared identifier 'nope1'}} // expected-error {{use of undeclared identifier 'nope2'}}
Test(Impl()) main;
