// two instances of the same control applied in sequence
#include "harness.p4"
control Inc(inout bit<8> v) { apply { v = v + 1; } }
control Impl() {
  Inc() i1;
  Inc() i2;
  apply { bit<8> v = 0; i1.apply(v); i2.apply(v); }
}
Test(Impl()) main;
