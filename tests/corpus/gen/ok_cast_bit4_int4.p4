// bit<4> <-> int<4> casts keep the width
#include "harness.p4"

control Impl() {
  apply {
    bit<4> a = 1;
    int<4> b = (int<4>)a;
    bit<4> c = (bit<4>)b;
  }
}
Test(Impl()) main;
