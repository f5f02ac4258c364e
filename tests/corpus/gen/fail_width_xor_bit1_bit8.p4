// '^' needs equal widths: bit<1> and bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<8> b = 0;
    // expected-error@+1 {{width mismatch in '^': bit<1> and bit<8>}}
    bit<1> c = a ^ b;
  }
}
Test(Impl()) main;
