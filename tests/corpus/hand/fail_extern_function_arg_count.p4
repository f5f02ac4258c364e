// an extern function called with too few arguments
#include "harness.p4"
extern void emit_two(in bit<8> a, in bit<8> b);
control Impl() {
  apply { emit_two(1); }  // expected-error {{no overload of 'emit_two' takes 1 arguments}}
}
Test(Impl()) main;
