// casting a struct to a bit type
#include "harness.p4"
struct s_t { bit<8> a; }
control Impl() {
  apply { s_t s = { 1 }; bit<8> x = (bit<8>)s; }  // expected-error {{cannot convert struct 's_t' to bit<8>}}
}
Test(Impl()) main;
