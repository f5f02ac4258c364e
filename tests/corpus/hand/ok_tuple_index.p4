// reading a tuple element with a constant index
#include "harness.p4"
control Impl() {
  apply {
    tuple<bit<8>, bool> t = { 7, false };
    bit<8> a = t[0];
    bool b = t[1];
  }
}
Test(Impl()) main;
