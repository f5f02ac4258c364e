// explicit cast bit<8> -> bit<4>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<4> c = (bit<4>)a;
  }
}
Test(Impl()) main;
