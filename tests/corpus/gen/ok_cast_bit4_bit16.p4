// explicit cast bit<4> -> bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<16> c = (bit<16>)a;
  }
}
Test(Impl()) main;
