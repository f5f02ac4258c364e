// header unions: members, isValid on the union and its members
#include "harness.p4"
header a_t { bit<8> x; }
header b_t { bit<16> y; }
header_union u_t { a_t a; b_t b; }
control Impl() {
  u_t u;
  apply {
    u.a.setValid();
    u.a.x = 1;
    bool v = u.isValid() && u.b.isValid();
  }
}
Test(Impl()) main;
