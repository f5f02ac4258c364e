// explicit cast bit<1> -> bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<8> c = (bit<8>)a;
  }
}
Test(Impl()) main;
