// a named constant with the value of an earlier label duplicates it
#include "harness.p4"
const bit<4> THREE = 3;
control Impl() {
  apply {
    bit<4> x = 1;
    switch (x) {
      3: {}
      THREE: {}  // expected-error {{duplicate switch label 'THREE'}}
    }
  }
}
Test(Impl()) main;
