// a struct initialiser naming a field the struct lacks
#include "harness.p4"
struct s_t { bit<8> a; }
control Impl() {
  apply { s_t s = { a = 1, z = 2 }; }  // expected-error {{no field 'z' in struct 's_t'}}
}
Test(Impl()) main;
