// slice [16:0] is outside bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    // expected-error@+1 {{slice [16:0] out of range for bit<16>}}
    bit<17> c = a[16:0];
  }
}
Test(Impl()) main;
