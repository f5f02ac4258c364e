// literal form 16w1_000
#include "harness.p4"

control Impl() {
  apply {
    bit<16> c = 16w1_000;
  }
}
Test(Impl()) main;
