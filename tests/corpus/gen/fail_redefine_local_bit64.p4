// a local bit<64> declared twice in one block
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    // expected-error@+1 {{redefinition of 'a'}}
    bit<64> a = 2;
  }
}
Test(Impl()) main;
