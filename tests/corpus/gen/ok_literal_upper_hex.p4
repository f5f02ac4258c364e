// literal form 0XFF
#include "harness.p4"

control Impl() {
  apply {
    bit<8> c = 0XFF;
  }
}
Test(Impl()) main;
