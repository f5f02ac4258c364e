// isValid is not a method of a struct
#include "harness.p4"
struct s_t { bit<8> a; }
control Impl() {
  apply { s_t s = { 1 }; bool v = s.isValid(); }  // expected-error {{no member 'isValid' in struct 's_t'}}
}
Test(Impl()) main;
