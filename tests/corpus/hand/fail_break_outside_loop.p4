// break outside a loop
#include "harness.p4"
control Impl() { apply { break; } }  // expected-error {{'break' outside a loop}}
Test(Impl()) main;
