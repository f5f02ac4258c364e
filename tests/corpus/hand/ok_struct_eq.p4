// comparing two structs for equality
#include "harness.p4"
struct s_t { bit<8> a; bit<8> b; }
control Impl() {
  apply {
    s_t x = { 1, 2 };
    s_t y = { 1, 2 };
    bool e = x == y;
  }
}
Test(Impl()) main;
