// '>' needs equal widths: bit<16> and bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<32> b = 0;
    // expected-error@+1 {{width mismatch in '>': bit<16> and bit<32>}}
    bool c = a > b;
  }
}
Test(Impl()) main;
