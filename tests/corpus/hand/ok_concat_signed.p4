// concatenating int<4> with bit<4> gives int<8>
#include "harness.p4"
control Impl() {
  apply { int<4> a = 1; bit<4> b = 2; int<8> c = a ++ b; }
}
Test(Impl()) main;
