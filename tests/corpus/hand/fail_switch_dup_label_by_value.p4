// switch labels are compared by value: 1 and 8w1 are the same label
#include "harness.p4"
control Impl() {
  apply {
    bit<8> x = 1;
    switch (x) {
      1: {}
      8w2: {}
      8w1: {}  // expected-error {{duplicate switch label '8w1'}}
      0x2: {}  // expected-error {{duplicate switch label '0x2'}}
      default: {}
    }
  }
}
Test(Impl()) main;
