// an int literal takes the width of the other bit<8> operand
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    bit<8> c = a + 1;
    bool d = 1 == a;
  }
}
Test(Impl()) main;
