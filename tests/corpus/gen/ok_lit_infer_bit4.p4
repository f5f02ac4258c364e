// an int literal takes the width of the other bit<4> operand
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    bit<4> c = a + 1;
    bool d = 1 == a;
  }
}
Test(Impl()) main;
