// a stack of header unions
#include "harness.p4"
header a_t { bit<8> x; }
header b_t { bit<16> y; }
header_union u_t { a_t a; b_t b; }
control Impl() {
  u_t[2] us;
  apply { us[1].b.setValid(); us[1].b.y = 3; }
}
Test(Impl()) main;
