// a type variable bound inside a tuple must agree with the other arguments
#include "harness.p4"
extern void same<T>(in tuple<T, T> t, in T u);
control Impl() {
  apply {
    // expected-error@+1 {{argument 'u' of 'same': cannot convert bit<16> to bit<8>}}
    same({8w1, 8w2}, 16w3);
  }
}
Test(Impl()) main;
