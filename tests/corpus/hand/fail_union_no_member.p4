// accessing a member a header union does not have
#include "harness.p4"
header a_t { bit<8> x; }
header_union u_t { a_t a; }
control Impl() {
  u_t u;
  apply { u.b.setValid(); }  // expected-error {{no field 'b' in header_union 'u_t'}}
}
Test(Impl()) main;
