// bit<32> ++ bit<8> is bit<40>
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<8> b = 0;
    bit<40> c = a ++ b;
  }
}
Test(Impl()) main;
