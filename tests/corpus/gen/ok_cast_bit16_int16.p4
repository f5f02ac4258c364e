// bit<16> <-> int<16> casts keep the width
#include "harness.p4"

control Impl() {
  apply {
    bit<16> a = 1;
    int<16> b = (int<16>)a;
    bit<16> c = (bit<16>)b;
  }
}
Test(Impl()) main;
