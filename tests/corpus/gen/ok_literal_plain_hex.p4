// literal form 0xff
#include "harness.p4"

control Impl() {
  apply {
    bit<8> c = 0xff;
  }
}
Test(Impl()) main;
