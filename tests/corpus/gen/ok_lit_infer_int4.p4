// an int literal takes the width of the other int<4> operand
#include "harness.p4"

control Impl() {
  apply {
    int<4> a = 1;
    int<4> c = a + 1;
    bool d = 1 == a;
  }
}
Test(Impl()) main;
