// an int literal takes the width of the other int<32> operand
#include "harness.p4"

control Impl() {
  apply {
    int<32> a = 1;
    int<32> c = a + 1;
    bool d = 1 == a;
  }
}
Test(Impl()) main;
