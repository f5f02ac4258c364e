// '+' does not apply to bool
#include "harness.p4"

control Impl() {
  apply {
    bool a = true;
    // expected-error@+1 {{invalid operands to '+': bool and bool}}
    bool c = a + a;
  }
}
Test(Impl()) main;
