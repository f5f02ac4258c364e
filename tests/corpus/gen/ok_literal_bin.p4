// literal form 8w0b1010_1010
#include "harness.p4"

control Impl() {
  apply {
    bit<8> c = 8w0b1010_1010;
  }
}
Test(Impl()) main;
