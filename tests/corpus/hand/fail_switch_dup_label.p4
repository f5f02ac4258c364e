// a switch may not list the same label twice
#include "harness.p4"
control Impl() {
  apply {
    bit<8> x = 1;
    switch (x) {
      1: {}
      1: {}  // expected-error {{duplicate switch label '1'}}
      default: {}
    }
  }
}
Test(Impl()) main;
