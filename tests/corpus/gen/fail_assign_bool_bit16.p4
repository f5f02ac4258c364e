// bit<16> does not convert to bool implicitly
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    // expected-error@+1 {{cannot convert bit<16> to bool}}
    bool c = a;
  }
}
Test(Impl()) main;
