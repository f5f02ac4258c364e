// bit<1> does not convert to bit<4> implicitly
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    // expected-error@+1 {{cannot convert bit<1> to bit<4>}}
    bit<4> c = a;
  }
}
Test(Impl()) main;
