// serializable enum values at the limits of their underlying types
#include "harness.p4"
enum bit<8> E { LO = 0, HI = 255, HEX = 0xFE }
enum int<4> S { MIN = -8, MAX = 7 }
control Impl() {
  apply {
    E e = E.HI;
    bit<8> v = (bit<8>)e;
  }
}
Test(Impl()) main;
