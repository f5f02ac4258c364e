// explicit cast bit<16> -> bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<8> c = (bit<8>)a;
  }
}
Test(Impl()) main;
