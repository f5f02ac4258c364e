// an int literal takes the width of the other bit<32> operand
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    bit<32> c = a + 1;
    bool d = 1 == a;
  }
}
Test(Impl()) main;
