// explicit cast bit<1> -> bit<64>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<64> c = (bit<64>)a;
  }
}
Test(Impl()) main;
