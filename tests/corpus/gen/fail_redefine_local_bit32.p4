// a local bit<32> declared twice in one block
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    // expected-error@+1 {{redefinition of 'a'}}
    bit<32> a = 2;
  }
}
Test(Impl()) main;
