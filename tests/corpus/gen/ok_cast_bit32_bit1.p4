// explicit cast bit<32> -> bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<1> c = (bit<1>)a;
  }
}
Test(Impl()) main;
