// a local bit<4> declared twice in one block
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    // expected-error@+1 {{redefinition of 'a'}}
    bit<4> a = 2;
  }
}
Test(Impl()) main;
