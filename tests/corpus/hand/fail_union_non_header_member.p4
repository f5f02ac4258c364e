// a header union member must be a header
#include "harness.p4"
header_union u_t { bit<8> x; }  // expected-error {{field 'x' of header_union 'u_t' cannot have type bit<8>}}
control Impl() { apply {} }
Test(Impl()) main;
