// an int literal takes the width of the other int<8> operand
#include "harness.p4"

control Impl() {
  apply {
    int<8> a = 1;
    int<8> c = a + 1;
    bool d = 1 == a;
  }
}
Test(Impl()) main;
