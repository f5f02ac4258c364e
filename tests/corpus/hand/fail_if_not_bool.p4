// an if condition must be bool
#include "harness.p4"
control Impl() { apply { bit<8> v = 1; if (v) { v = 2; } } }  // expected-error {{condition must be bool, found bit<8>}}
Test(Impl()) main;
