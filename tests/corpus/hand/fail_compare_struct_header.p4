// comparing a struct with a header
#include "harness.p4"
struct s_t { bit<8> a; }
header h_t { bit<8> a; }
control Impl() {
  h_t h;
  apply { s_t s = { 1 }; bool e = s == h; }  // expected-error {{invalid operands to '==': struct 's_t' and header 'h_t'}}
}
Test(Impl()) main;
