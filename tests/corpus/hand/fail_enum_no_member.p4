// an enum member that does not exist
#include "harness.p4"
enum e_t { A, B }
control Impl() { apply { e_t e = e_t.C; } }  // expected-error {{no member 'C' in enum 'e_t'}}
Test(Impl()) main;
