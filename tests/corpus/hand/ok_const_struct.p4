// a constant of struct type and reading its field
#include "harness.p4"
struct cfg_t { bit<8> a; bit<8> b; }
const cfg_t CFG = { a = 1, b = 2 };
control Impl() {
  apply { bit<8> x = CFG.b; }
}
Test(Impl()) main;
