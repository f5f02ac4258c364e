// a void function called as a statement
#include "harness.p4"
void zero(out bit<8> v) { v = 0; }
control Impl() {
  apply { bit<8> x; zero(x); }
}
Test(Impl()) main;
