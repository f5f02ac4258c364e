// a serializable enum's values must fit its underlying type
#include "harness.p4"
enum bit<8> E {
  A = 255,
  B = 256, // expected-error {{enum member 'B': value 256 does not fit in bit<8>}}
  C = -1 // expected-error {{enum member 'C': value -1 does not fit in bit<8>}}
}
enum int<4> S { X = 7, Y = -8, Z = 8 } // expected-error {{enum member 'Z': value 8 does not fit in int<4>}}
control Impl() { apply { } }
Test(Impl()) main;
