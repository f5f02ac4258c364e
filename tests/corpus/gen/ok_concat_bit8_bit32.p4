// bit<8> ++ bit<32> is bit<40>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<32> b = 0;
    bit<40> c = a ++ b;
  }
}
Test(Impl()) main;
