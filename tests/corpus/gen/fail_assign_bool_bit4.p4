// bit<4> does not convert to bool implicitly
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    // expected-error@+1 {{cannot convert bit<4> to bool}}
    bool c = a;
  }
}
Test(Impl()) main;
