// an extern method called with an argument of the wrong type
#include "harness.p4"
extern Thing { Thing(); void put(in bit<8> v); }
control Impl() {
  Thing() th;
  apply { th.put(true); }  // expected-error {{argument 'v' of 'put': cannot convert bool to bit<8>}}
}
Test(Impl()) main;
