// a `type bool` value is not bool: conditions need a cast
#include "harness.p4"
type bool Flag;
control Impl() {
  apply {
    Flag f = (Flag)true;
    if (f) { } // expected-error {{condition must be bool, found Flag}}
  }
}
Test(Impl()) main;
