// bit<1> ++ bit<8> is bit<9>
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<8> b = 0;
    bit<9> c = a ++ b;
  }
}
Test(Impl()) main;
