// a constant that an implicit conversion (or its own width) changes is warned about
// ([-Wconstant-overflow], p4c's "value does not fit"); explicit casts are not
#include "harness.p4"
control Impl() {
  apply {
    bit<8> x = 300; // expected-warning {{value 300 does not fit in bit<8>; it becomes 44}}
    bit<8> y = 8w256; // expected-warning {{value 256 does not fit in bit<8>; it becomes 0}}
    int<4> z = -9; // expected-warning {{value -9 does not fit in int<4>; it becomes 7}}
    bit<8> m = -1; // expected-warning {{value -1 does not fit in bit<8>; it becomes 255}}
    bit<8> ok = 255;
    int<4> low = -8;
    bit<8> cast = (bit<8>)300;
    if (x == y && z == low && m == ok && cast == 44) { x = 0; }
  }
}
Test(Impl()) main;
