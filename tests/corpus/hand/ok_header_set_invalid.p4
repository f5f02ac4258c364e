// setInvalid on a header
#include "harness.p4"
header h_t { bit<8> a; }
control Impl() {
  h_t h;
  apply { h.setValid(); h.setInvalid(); }
}
Test(Impl()) main;
