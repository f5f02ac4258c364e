// explicit cast bit<64> -> bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<16> c = (bit<16>)a;
  }
}
Test(Impl()) main;
