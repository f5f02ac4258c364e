// bit<1> does not convert to bit<16> implicitly
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    // expected-error@+1 {{cannot convert bit<1> to bit<16>}}
    bit<16> c = a;
  }
}
Test(Impl()) main;
