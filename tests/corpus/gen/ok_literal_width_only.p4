// literal form 32w0
#include "harness.p4"

control Impl() {
  apply {
    bit<32> c = 32w0;
  }
}
Test(Impl()) main;
