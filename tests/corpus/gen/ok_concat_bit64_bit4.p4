// bit<64> ++ bit<4> is bit<68>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<4> b = 0;
    bit<68> c = a ++ b;
  }
}
Test(Impl()) main;
