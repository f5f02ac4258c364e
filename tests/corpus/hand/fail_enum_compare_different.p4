// comparing members of two different enums
#include "harness.p4"
enum A { X }
enum B { Y }
control Impl() {
  apply { bool b = A.X == B.Y; }  // expected-error {{invalid operands to '==': enum 'A' and enum 'B'}}
}
Test(Impl()) main;
