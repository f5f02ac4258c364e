// '>' needs equal widths: bit<4> and bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<8> b = 0;
    // expected-error@+1 {{width mismatch in '>': bit<4> and bit<8>}}
    bool c = a > b;
  }
}
Test(Impl()) main;
