// once a later argument fixes T, the earlier literal must fit it
#include "harness.p4"
extern void same<T>(in T a, in T b);
control Impl() {
  apply {
    same(8w1, 16w2); // expected-error {{argument 'b' of 'same': cannot convert bit<16> to bit<8>}}
    same(true, 8w2); // expected-error {{argument 'b' of 'same': cannot convert bit<8> to bool}}
  }
}
Test(Impl()) main;
