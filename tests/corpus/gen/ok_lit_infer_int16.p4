// an int literal takes the width of the other int<16> operand
#include "harness.p4"

control Impl() {
  apply {
    int<16> a = 1;
    int<16> c = a + 1;
    bool d = 1 == a;
  }
}
Test(Impl()) main;
