// literal form 8w0o17
#include "harness.p4"

control Impl() {
  apply {
    bit<8> c = 8w0o17;
  }
}
Test(Impl()) main;
