// explicit cast bit<64> -> bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<4> c = (bit<4>)a;
  }
}
Test(Impl()) main;
