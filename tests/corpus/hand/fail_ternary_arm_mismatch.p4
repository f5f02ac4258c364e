// ?: arms of different types
#include "harness.p4"
control Impl() {
  apply { bool c = true; bit<8> a = 1; bit<8> x = c ? a : true; }  // expected-error {{cannot convert bool to bit<8>}}
}
Test(Impl()) main;
