// explicit cast bit<64> -> bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<8> c = (bit<8>)a;
  }
}
Test(Impl()) main;
