// bit<4> ++ bit<64> is bit<68>
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<64> b = 0;
    bit<68> c = a ++ b;
  }
}
Test(Impl()) main;
