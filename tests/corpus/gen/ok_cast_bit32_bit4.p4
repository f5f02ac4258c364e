// explicit cast bit<32> -> bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<4> c = (bit<4>)a;
  }
}
Test(Impl()) main;
