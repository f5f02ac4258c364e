// a type width given by a constant expression
#include "harness.p4"
const bit<32> N = 4;
control Impl() {
  apply { bit<(N * 2)> x = 8w3; }
}
Test(Impl()) main;
