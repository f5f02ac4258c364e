// two top-level types with the same name
#include "harness.p4"
struct s_t { bit<8> a; }
header s_t { bit<8> b; }  // expected-error {{redefinition of 's_t'}}
control Impl() { apply {} }
Test(Impl()) main;
