// bit<16> does not convert to bit<64> implicitly
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    // expected-error@+1 {{cannot convert bit<16> to bit<64>}}
    bit<64> c = a;
  }
}
Test(Impl()) main;
