// a constant cannot be assigned
#include "harness.p4"
const bit<8> K = 1;
control Impl() { apply { K = 2; } }  // expected-error {{cannot assign to 'K'}}
Test(Impl()) main;
