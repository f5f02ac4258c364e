// '|+|' on bit<8> and int<8> is an error
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    int<8> b = 0;
    // expected-error@+1 {{signedness mismatch in '|+|': bit<8> and int<8>}}
    bit<8> c = a |+| b;
  }
}
Test(Impl()) main;
