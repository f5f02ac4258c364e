// bit<8> ++ bit<1> is bit<9>
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<1> b = 0;
    bit<9> c = a ++ b;
  }
}
Test(Impl()) main;
