// bit<8> does not convert to bit<1> implicitly
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    // expected-error@+1 {{cannot convert bit<8> to bit<1>}}
    bit<1> c = a;
  }
}
Test(Impl()) main;
