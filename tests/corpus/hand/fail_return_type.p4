// returning bool from a bit<8> function
#include "harness.p4"
bit<8> f() { return true; }  // expected-error {{cannot convert bool to bit<8>}}
control Impl() { apply {} }
Test(Impl()) main;
