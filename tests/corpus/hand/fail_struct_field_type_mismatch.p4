// a struct initialiser with a field of the wrong type
#include "harness.p4"
struct s_t { bit<8> a; bool b; }
control Impl() {
  apply { s_t s = { a = 1, b = 8w2 }; }  // expected-error {{cannot convert bit<8> to bool}}
}
Test(Impl()) main;
