// a constant used as a type width
#include "harness.p4"
const bit<32> W = 12;
control Impl() {
  apply { bit<W> x = 0; bit<12> y = x; }
}
Test(Impl()) main;
