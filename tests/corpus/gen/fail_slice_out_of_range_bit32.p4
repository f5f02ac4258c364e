// slice [32:0] is outside bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    // expected-error@+1 {{slice [32:0] out of range for bit<32>}}
    bit<33> c = a[32:0];
  }
}
Test(Impl()) main;
