// explicit cast bit<8> -> bit<1>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<1> c = (bit<1>)a;
  }
}
Test(Impl()) main;
