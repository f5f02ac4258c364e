// assigning into a slice of a header field
#include "harness.p4"
header h_t { bit<16> f; }
control Impl() {
  h_t h;
  apply { h.f[7:0] = 8w0xAB; h.f[15:8] = h.f[7:0]; }
}
Test(Impl()) main;
