// a header initialised from a list expression
#include "harness.p4"
header h_t { bit<8> a; bit<16> b; }
control Impl() {
  apply { h_t h = { 1, 2 }; }
}
Test(Impl()) main;
