// '<' needs equal widths: bit<8> and bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<16> b = 0;
    // expected-error@+1 {{width mismatch in '<': bit<8> and bit<16>}}
    bool c = a < b;
  }
}
Test(Impl()) main;
