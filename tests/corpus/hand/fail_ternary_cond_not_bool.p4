// ?: condition must be bool
#include "harness.p4"
control Impl() {
  apply { bit<8> c = 1; bit<8> x = c ? 8w1 : 8w2; }  // expected-error {{condition must be bool, found bit<8>}}
}
Test(Impl()) main;
