// bit<8> does not convert to bool implicitly
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    // expected-error@+1 {{cannot convert bit<8> to bool}}
    bool c = a;
  }
}
Test(Impl()) main;
