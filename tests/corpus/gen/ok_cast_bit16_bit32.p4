// explicit cast bit<16> -> bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<32> c = (bit<32>)a;
  }
}
Test(Impl()) main;
