// a constant initialised from an undeclared name
#include "harness.p4"
const bit<8> C = UNKNOWN + 1;  // expected-error {{use of undeclared identifier 'UNKNOWN'}}
control Impl() { apply {} }
Test(Impl()) main;
