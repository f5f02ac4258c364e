// `default` must be the last switch label (p4c: "label following default label")
#include "harness.p4"
control Impl() {
  apply {
    bit<8> x = 1;
    switch (x) {
      1: {}
      default: {}
      2: {}  // expected-error {{switch label '2' follows 'default', which must be the last label}}
      3: {}
    }
  }
}
Test(Impl()) main;
