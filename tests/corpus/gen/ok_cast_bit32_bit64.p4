// explicit cast bit<32> -> bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<64> c = (bit<64>)a;
  }
}
Test(Impl()) main;
