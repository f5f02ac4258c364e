// arithmetic on a plain enum member
#include "harness.p4"
enum E { A, B }
control Impl() {
  apply { E e = E.A + 1; }  // expected-error {{invalid operands to '+': enum 'E' and int}}
}
Test(Impl()) main;
