// a nested control instance applied with in/out/inout arguments
#include "harness.p4"
control Inner(in bit<8> a, out bit<8> b, inout bit<8> c) {
  apply { b = a; c = c + 1; }
}
control Impl() {
  Inner() inner;
  apply {
    bit<8> x = 1; bit<8> y; bit<8> z = 0;
    inner.apply(x, y, z);
  }
}
Test(Impl()) main;
