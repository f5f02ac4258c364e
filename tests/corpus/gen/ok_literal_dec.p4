// literal form 8w255
#include "harness.p4"

control Impl() {
  apply {
    bit<8> c = 8w255;
  }
}
Test(Impl()) main;
