// an int literal takes the width of the other bit<1> operand
#include "harness.p4"

control Impl() {
  apply {
    bit<1> a = 1;
    bit<1> c = a + 1;
    bool d = 1 == a;
  }
}
Test(Impl()) main;
