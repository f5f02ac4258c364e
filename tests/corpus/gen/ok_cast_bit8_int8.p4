// bit<8> <-> int<8> casts keep the width
#include "harness.p4"

control Impl() {
  apply {
    bit<8> a = 1;
    int<8> b = (int<8>)a;
    bit<8> c = (bit<8>)b;
  }
}
Test(Impl()) main;
