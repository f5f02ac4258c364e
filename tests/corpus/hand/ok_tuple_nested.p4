// a tuple nested inside a tuple
#include "harness.p4"
control Impl() {
  apply {
    tuple<bit<8>, tuple<bool, bit<4>>> t = { 1, { true, 2 } };
  }
}
Test(Impl()) main;
