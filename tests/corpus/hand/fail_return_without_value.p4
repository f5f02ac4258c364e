// 'return;' without a value in a function that returns bit<8>
#include "harness.p4"
bit<8> f(in bit<8> x) {
  if (x == 0) { return; }  // expected-error {{expected a value of type bit<8> after 'return' in function 'f'}}
  return x;
}
control Impl() { apply { bit<8> y = f(1); } }
Test(Impl()) main;
