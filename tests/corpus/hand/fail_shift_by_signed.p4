// shifting by a signed amount
#include "harness.p4"
control Impl() {
  apply { bit<8> a = 1; int<8> s = 1; bit<8> c = a << s; }  // expected-error {{invalid operands to '<<': bit<8> and int<8>}}
}
Test(Impl()) main;
