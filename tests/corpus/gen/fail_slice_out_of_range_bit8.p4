// slice [8:0] is outside bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    // expected-error@+1 {{slice [8:0] out of range for bit<8>}}
    bit<9> c = a[8:0];
  }
}
Test(Impl()) main;
