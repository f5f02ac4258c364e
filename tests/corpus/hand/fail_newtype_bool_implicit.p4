// no implicit conversion from bool to a `type bool`, nor back
#include "harness.p4"
type bool Flag;
control Impl() {
  apply {
    Flag f = true; // expected-error {{cannot convert bool to Flag}}
    bool b = (bool)f;
    b = f; // expected-error {{cannot convert Flag to bool}}
  }
}
Test(Impl()) main;
