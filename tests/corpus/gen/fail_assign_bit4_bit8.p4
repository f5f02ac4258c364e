// bit<4> does not convert to bit<8> implicitly
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    // expected-error@+1 {{cannot convert bit<4> to bit<8>}}
    bit<8> c = a;
  }
}
Test(Impl()) main;
