// '>=' on int<4> gives bool
#include "harness.p4"

control Impl() {
  apply {
    int<4> a = 1;
    int<4> b = 0;
    bool c = a >= b;
  }
}
Test(Impl()) main;
