// bit<64> ++ bit<8> is bit<72>
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<8> b = 0;
    bit<72> c = a ++ b;
  }
}
Test(Impl()) main;
