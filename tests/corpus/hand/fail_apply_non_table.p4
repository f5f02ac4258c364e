// calling apply on a plain variable
#include "harness.p4"
control Impl() {
  apply { bit<8> x = 0; x.apply(); }  // expected-error {{no member 'apply' in bit<8>}}
}
Test(Impl()) main;
