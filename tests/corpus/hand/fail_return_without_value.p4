// 'return;' without a value in a function that returns bit<8>
#include "harness.p4"
bit<8> f(in bit<8> x) {
  if (x == 0) { return; }  // expected-error {{'return' without a value in function 'f' returning bit<8>}}
  return x;
}
control Impl() { apply { bit<8> y = f(1); } }
Test(Impl()) main;
