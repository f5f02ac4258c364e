// explicit cast bit<4> -> bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<1> c = (bit<1>)a;
  }
}
Test(Impl()) main;
