// bit<32> <-> int<32> casts keep the width
#include "harness.p4"

control Impl() {
  apply {
    bit<32> a = 1;
    int<32> b = (int<32>)a;
    bit<32> c = (bit<32>)b;
  }
}
Test(Impl()) main;
