// bit<8> ++ bit<64> is bit<72>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<64> b = 0;
    bit<72> c = a ++ b;
  }
}
Test(Impl()) main;
