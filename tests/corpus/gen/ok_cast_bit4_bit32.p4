// explicit cast bit<4> -> bit<32>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<32> c = (bit<32>)a;
  }
}
Test(Impl()) main;
