// explicit cast bit<1> -> bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<16> c = (bit<16>)a;
  }
}
Test(Impl()) main;
