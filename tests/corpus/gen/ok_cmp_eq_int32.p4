// '==' on int<32> gives bool
#include "harness.p4"

control Impl() {
  apply {
    int<32> a = 1;
    int<32> b = 0;
    bool c = a == b;
  }
}
Test(Impl()) main;
