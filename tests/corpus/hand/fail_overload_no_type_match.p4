// no overload of the same arity accepts the argument type
#include "harness.p4"
extern bit<8> probe(in bit<8> x);
extern bit<16> probe(in bit<16> x);
control Impl() {
  apply {
    // expected-error@+1 {{argument 'x' of 'probe': cannot convert bool to bit<8>}}
    bit<8> a = probe(true);
  }
}
Test(Impl()) main;
