// tuple types, initializers and indexing
#include "harness.p4"
control Impl() {
  apply {
    tuple<bit<8>, bool> t = { 8w1, true };
    bit<8> a = t[0];
    bool b = t[1];
  }
}
Test(Impl()) main;
