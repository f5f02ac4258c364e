// an untyped literal fits bit<8> and bit<16> equally well: the call is ambiguous
#include "harness.p4"
extern void put(in bit<8> v);
extern void put(in bit<16> v);
control Impl() {
  apply {
    put(8w1);
    put(16w1);
    put(1); // expected-error {{call to 'put' is ambiguous: 2 overloads fit the arguments equally well}}
  }
}
Test(Impl()) main;
