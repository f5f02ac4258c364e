// struct initializer with `...` leaves the other fields unset
#include "harness.p4"
struct s_t { bit<8> a; bit<8> b; bool c; }
control Impl() {
  apply {
    s_t s = { a = 1, ... };
    s_t t = (s_t){ a = 1, b = 2, c = false };
  }
}
Test(Impl()) main;
