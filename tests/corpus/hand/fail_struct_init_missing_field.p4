// a struct initializer must set every field unless it ends with ...
#include "harness.p4"
struct s_t { bit<8> a; bit<8> b; }
control Impl() {
  apply {
    s_t s = { a = 1 };  // expected-error {{initializer of 's_t' does not set field 'b'}}
  }
}
Test(Impl()) main;
