// widening an int<8> to int<16> by cast
#include "harness.p4"
control Impl() {
  apply { int<8> a = -3; int<16> b = (int<16>)a; }
}
Test(Impl()) main;
