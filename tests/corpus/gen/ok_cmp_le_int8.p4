// '<=' on int<8> gives bool
#include "harness.p4"

control Impl() {
  apply {
    int<8> a = 1;
    int<8> b = 0;
    bool c = a <= b;
  }
}
Test(Impl()) main;
