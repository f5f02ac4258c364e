// a control instantiated and applied inside another
#include "harness.p4"
control Inner(inout bit<8> x) { apply { x = x + 1; } }
control Impl() {
  Inner() inner;
  apply { bit<8> v = 0; inner.apply(v); }
}
Test(Impl()) main;
