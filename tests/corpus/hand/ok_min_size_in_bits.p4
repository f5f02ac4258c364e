// minSizeInBits and minSizeInBytes of a header are compile-time constants
#include "harness.p4"
header h_t { bit<8> a; bit<16> b; }
control Impl() {
  h_t h;
  apply {
    const int bits = h.minSizeInBits();
    const int bytes = h.minSizeInBytes();
  }
}
Test(Impl()) main;
