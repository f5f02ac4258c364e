// concatenation with a bool operand
#include "harness.p4"
control Impl() {
  apply { bit<8> a = 1; bool b = true; bit<9> c = a ++ b; }  // expected-error {{invalid operands to '++': bit<8> and bool}}
}
Test(Impl()) main;
