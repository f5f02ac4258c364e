// '+' needs equal widths: bit<32> and bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<64> b = 0;
    // expected-error@+1 {{width mismatch in '+': bit<32> and bit<64>}}
    bit<32> c = a + b;
  }
}
Test(Impl()) main;
