// initialising a 2-tuple from a 3-element list
#include "harness.p4"
control Impl() {
  apply { tuple<bit<8>, bool> t = { 1, true, 3 }; }  // expected-error {{cannot convert tuple<int, bool, int> to tuple<bit<8>, bool>}}
}
Test(Impl()) main;
