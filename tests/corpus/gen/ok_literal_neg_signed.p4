// literal form -8s5
#include "harness.p4"

control Impl() {
  apply {
    int<8> c = -8s5;
  }
}
Test(Impl()) main;
