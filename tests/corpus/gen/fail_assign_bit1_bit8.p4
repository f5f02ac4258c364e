// bit<1> does not convert to bit<8> implicitly
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    // expected-error@+1 {{cannot convert bit<1> to bit<8>}}
    bit<8> c = a;
  }
}
Test(Impl()) main;
