// assigning an integer to a plain enum variable
#include "harness.p4"
enum E { A, B }
control Impl() {
  apply { E e = 1; }  // expected-error {{cannot convert int to enum 'E'}}
}
Test(Impl()) main;
