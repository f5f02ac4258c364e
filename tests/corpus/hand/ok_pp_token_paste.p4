// '##' pastes tokens: names built from macro arguments
#include "harness.p4"
#define FIELD(n) bit<8> f ## n;
#define CAT(a, b) a ## b
#define MK3(a, b, c) a ## _ ## b ## _ ## c
header h_t { FIELD(0) FIELD(1) }
const bit<8> CAT(limit, _max) = 8;
const bit<8> MK3(x, y, z) = CAT(limit, _max) + 1;
const bit<16> W = CAT(0x, 10);
control Impl() {
  h_t h;
  apply {
    h.f0 = x_y_z;
    h.f1 = limit_max;
  }
}
Test(Impl()) main;
