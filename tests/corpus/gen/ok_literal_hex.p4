// literal form 8w0xFF
#include "harness.p4"

control Impl() {
  apply {
    bit<8> c = 8w0xFF;
  }
}
Test(Impl()) main;
