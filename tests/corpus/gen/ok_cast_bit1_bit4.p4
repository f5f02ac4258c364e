// explicit cast bit<1> -> bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<4> c = (bit<4>)a;
  }
}
Test(Impl()) main;
