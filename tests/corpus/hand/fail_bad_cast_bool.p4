// bit<8> cannot be cast to bool
#include "harness.p4"
control Impl() { apply { bit<8> v = 1; bool b = (bool)v; } }  // expected-error {{cannot convert bit<8> to bool}}
Test(Impl()) main;
