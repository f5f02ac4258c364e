// #line renumbers: the error below is reported at line 6 (the physical line 5)
#include "harness.p4"
control Impl() { apply { } }
#line 6
const bit<8> x = true; // expected-error@+1 {{cannot convert bool to bit<8>}}
Test(Impl()) main;
