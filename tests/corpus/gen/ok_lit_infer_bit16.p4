// an int literal takes the width of the other bit<16> operand
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    bit<16> c = a + 1;
    bool d = 1 == a;
  }
}
Test(Impl()) main;
