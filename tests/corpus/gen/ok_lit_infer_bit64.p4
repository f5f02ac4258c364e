// an int literal takes the width of the other bit<64> operand
#include "harness.p4"

control Impl() {
  apply {
    bit<64> a = 1;
    bit<64> c = a + 1;
    bool d = 1 == a;
  }
}
Test(Impl()) main;
