// explicit cast bit<16> -> bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<1> c = (bit<1>)a;
  }
}
Test(Impl()) main;
