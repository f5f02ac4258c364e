// a slice with high below low
#include "harness.p4"
control Impl() { apply { bit<8> v = 1; bit<4> w = v[0:3]; } }  // expected-error {{slice [0:3] out of range for bit<8>}}
Test(Impl()) main;
