// '-' on two bit<8> values gives bit<8>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<8> b = 0;
    bit<8> c = a - b;
  }
}
Test(Impl()) main;
