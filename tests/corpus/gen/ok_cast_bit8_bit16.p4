// explicit cast bit<8> -> bit<16>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<16> c = (bit<16>)a;
  }
}
Test(Impl()) main;
