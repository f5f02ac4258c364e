// '~' on int<4>
#include "harness.p4"

control Impl() {
  apply {
    int<4> a = 1;
    int<4> c = ~a;
  }
}
Test(Impl()) main;
