// a struct with the same field declared twice
#include "harness.p4"
struct s_t { bit<8> a; bit<16> a; }  // expected-error {{redefinition of 'a'}}
control Impl() { apply {} }
Test(Impl()) main;
