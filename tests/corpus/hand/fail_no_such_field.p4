// a struct field that does not exist
#include "harness.p4"
struct s_t { bit<8> a; }
control Impl() { apply { s_t s = { a = 1 }; bit<8> v = s.zz; } }  // expected-error {{no field 'zz' in struct 's_t'}}
Test(Impl()) main;
