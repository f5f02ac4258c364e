// explicit cast bit<4> -> bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<64> c = (bit<64>)a;
  }
}
Test(Impl()) main;
