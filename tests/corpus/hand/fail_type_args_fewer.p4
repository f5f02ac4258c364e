// type arguments are given for all type parameters or for none
#include "harness.p4"
extern void two<A, B>(in A a, in B b);
control Impl() {
  apply {
    // expected-error@+1 {{'two' expects 2 type argument(s), given 1}}
    two<bit<8>>(8w1, 8w2);
  }
}
Test(Impl()) main;
